import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  escapeLike,
  isStaticTermShape,
  normalizeQuery,
  queryTerms,
  staticSearchTerms,
  STATIC_TERM_CHARS,
} from './search';

describe('search input', () => {
  it('folds full-width characters, case and spacing', () => {
    expect(normalizeQuery('  ＡＢＣ　刺绣  ')).toBe('abc 刺绣');
  });
  it('splits into distinct terms, bounded in length and count', () => {
    expect(queryTerms('刺绣 围巾 刺绣')).toEqual(['刺绣', '围巾']);
    expect(queryTerms('a b c d e f g')).toHaveLength(5);
    expect(queryTerms('茶'.repeat(10_000)).join('')).toHaveLength(50);
    expect(queryTerms('   ')).toEqual([]);
  });
  it('escapes LIKE metacharacters', () => {
    expect(escapeLike('100%_\\')).toBe('100\\%\\_\\\\');
  });
});

describe('searches served as static pages (staticSearchTerms)', () => {
  it('takes every run of up to 8 characters inside the words of the names, normalised', () => {
    const terms = staticSearchTerms(['蔓耗红河谷芒果', '刺绣挂画·幸福家园', 'ＨＯＮＥＹ 蜂蜜']);
    for (const t of ['芒果', '芒', '蔓耗红河谷芒果', '刺绣', '幸福家园', 'honey', 'hon', '蜂蜜'])
      expect(terms.has(t), t).toBe(true);
    // Not across a word boundary, not the raw full-width form, not longer than the longest word.
    for (const t of ['画·幸', '画幸', 'ＨＯＮＥＹ', 'honey 蜂蜜', '芒果芒']) expect(terms.has(t), t).toBe(false);
  });

  it('keeps at most the limit, the terms found in the most names first', () => {
    const names = ['云南芒果', '红河芒果', '个旧芒果干', '刺绣'];
    const two = staticSearchTerms(names, 2);
    expect([...two]).toEqual(['果', '芒']);
    expect(staticSearchTerms(names, 3).has('芒果')).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 30 }), fc.nat({ max: 300 }), (ns, limit) => {
        const terms = staticSearchTerms(ns, limit);
        expect(terms.size).toBeLessThanOrEqual(limit);
        for (const t of terms) {
          expect(Array.from(t).length).toBeLessThanOrEqual(STATIC_TERM_CHARS);
          expect(ns.some((n) => normalizeQuery(n).includes(t))).toBe(true);
        }
      }),
    );
  });

  it('gives a static page only to one normalised word of at most 8 characters', () => {
    expect(isStaticTermShape('芒果')).toBe(true);
    expect(isStaticTermShape('蔓耗红河谷芒果')).toBe(true);
    for (const q of ['', ' 芒果', '芒果 干', 'ＡＢ', 'AB', '一二三四五六七八九'])
      expect(isStaticTermShape(q), q).toBe(false);
  });
});
