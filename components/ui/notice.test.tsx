import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notice } from './notice';

describe('Notice', () => {
  it('announces errors as alerts, other tones as status, and a quiet notice not at all', () => {
    expect(renderToStaticMarkup(<Notice tone="error">库存不足</Notice>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Notice tone="success">已保存</Notice>)).toContain('role="status"');
    expect(
      renderToStaticMarkup(
        <Notice tone="warning" quiet>
          审核中
        </Notice>,
      ),
    ).not.toContain('role=');
  });
});
