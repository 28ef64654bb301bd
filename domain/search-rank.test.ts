import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankByRelevance, relevanceKey, termGrams, textGrams, type RankCandidate } from './search-rank';

let nextId = 1;
const c = (name: string, over: Partial<RankCandidate> = {}): RankCandidate => ({
  id: nextId++,
  name,
  textHits: 1,
  salesCount: 0,
  listedAt: 0,
  ...over,
});
const names = (q: string, list: RankCandidate[]) => rankByRelevance(q, list).map((x) => x.name);

describe('grams', () => {
  it('asks one character of a one-character term and the adjacent pairs of a longer one', () => {
    expect(termGrams('米')).toEqual(['米']);
    expect(termGrams('红米')).toEqual(['红米']);
    expect(termGrams('高原红米')).toEqual(['高原', '原红', '红米']);
    expect(termGrams('哈哈哈')).toEqual(['哈哈']);
  });
  it('indexes characters and pairs without whitespace, folded like a query', () => {
    expect([...textGrams('红 米Ａ')].sort()).toEqual(['a', '米', '米a', '红'].sort());
  });
});

describe('综合 order', () => {
  it('puts an exact name match first, whatever the sales', () => {
    const list = [
      c('高山红茶礼盒', { salesCount: 900 }),
      c('红茶', { salesCount: 1 }),
      c('卡房红茶', { salesCount: 50 }),
    ];
    expect(names('红茶', list)).toEqual(['红茶', '高山红茶礼盒', '卡房红茶']); // then sales
    expect(relevanceKey(' 红 茶 ', { name: '红茶', textHits: 2 })[0]).toBe(1); // spacing is ignored
  });

  it('ranks names that hold the term above products that only mention it in the description', () => {
    // 米: the rice before 油辣子 (小米辣 in its description) and 腌菜 (米线 in its description).
    const list = [
      c('锡城油辣子', { salesCount: 500 }),
      c('个旧风味腌菜', { salesCount: 400 }),
      c('保和高原红米', { salesCount: 10 }),
      c('苦荞米', { salesCount: 20 }),
    ];
    const ranked = names('米', list);
    expect(ranked.slice(0, 2)).toEqual(['苦荞米', '保和高原红米']);
    expect(ranked.slice(2)).toEqual(['锡城油辣子', '个旧风味腌菜']);
  });

  it('prefers more of the query bigrams in the name', () => {
    const list = [c('红心火龙果'), c('保和高原红米'), c('高原苦荞')];
    expect(names('高原红米', list)).toEqual(['保和高原红米', '高原苦荞', '红心火龙果']);
  });

  it('then prefers a description match to a supplier or category match', () => {
    const list = [c('紧压砖', { textHits: 0, salesCount: 99 }), c('毛尖', { textHits: 1 })];
    expect(names('茶', list)).toEqual(['毛尖', '紧压砖']);
  });

  it('breaks ties by sales, then listing time, then id', () => {
    const a = c('茶 A', { salesCount: 5, listedAt: 1 });
    const b = c('茶 B', { salesCount: 5, listedAt: 2 });
    const d = c('茶 D', { salesCount: 9, listedAt: 0 });
    expect(names('茶', [a, b, d])).toEqual(['茶 D', '茶 B', '茶 A']);
  });

  it('is a total order: the result does not depend on the input order', () => {
    const pool = ['红米', '保和高原红米', '米线', '茶', '红茶', '卡房红茶', '油辣子', '高原'];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.integer({ min: 1, max: 1e6 }),
            name: fc.constantFrom(...pool),
            textHits: fc.integer({ min: 0, max: 2 }),
            salesCount: fc.integer({ min: 0, max: 3 }),
            listedAt: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 30, selector: (x) => x.id },
        ),
        fc.constantFrom('米', '红米', '茶', '高原 红米'),
        (list, q) => {
          const once = rankByRelevance(q, list).map((x) => x.id);
          expect(rankByRelevance(q, [...list].reverse()).map((x) => x.id)).toEqual(once);
        },
      ),
    );
  });
});
