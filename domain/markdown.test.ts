import { describe, expect, it } from 'vitest';
import { parseDescription, parseInline } from './markdown';

describe('parseDescription', () => {
  it('reads plain text as paragraphs', () => {
    expect(parseDescription('第一段\n续行\n\n第二段')).toEqual([
      { kind: 'paragraph', inlines: [{ text: '第一段\n续行', strong: false }] },
      { kind: 'paragraph', inlines: [{ text: '第二段', strong: false }] },
    ]);
  });
  it('reads headings, lists and bold', () => {
    expect(parseDescription('## 产地\n海拔 **1800 米**\n- 手工\n- 无农药\n1. 冷藏')).toEqual([
      { kind: 'heading', inlines: [{ text: '产地', strong: false }] },
      {
        kind: 'paragraph',
        inlines: [
          { text: '海拔 ', strong: false },
          { text: '1800 米', strong: true },
        ],
      },
      {
        kind: 'list',
        items: [
          [{ text: '手工', strong: false }],
          [{ text: '无农药', strong: false }],
          [{ text: '冷藏', strong: false }],
        ],
      },
    ]);
  });
  it('keeps HTML as text: it is never markup', () => {
    const blocks = parseDescription('<script>alert(1)</script>\n<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ text: '<script>alert(1)</script>\n<img src=x onerror=alert(1)>', strong: false }],
      },
    ]);
  });
  it('leaves unbalanced stars alone', () => {
    expect(parseInline('**未闭合')).toEqual([{ text: '**未闭合', strong: false }]);
  });
});
