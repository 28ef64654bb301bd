import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCashEquivalent,
  perHeadFen,
  sortWindows,
  unionRefusal,
  windowDays,
  windowOn,
  type UnionOrder,
  type UnionRules,
} from './fund-source';

const rules: UnionRules = {
  windows: [
    { festival: '春节', from: '2026-02-10', to: '2026-02-24' },
    { festival: '中秋', from: '2026-09-20', to: '2026-09-30' },
  ],
  allowances: [{ year: 2026, perMemberFen: 50_000 }],
  excludedCategories: ['embroidery'],
};
const order = (o: Partial<UnionOrder> = {}): UnionOrder => ({
  today: '2026-02-12',
  lines: [{ name: '保和高原红米', categorySlug: 'grain-oil', categoryName: '粮油干货' }],
  totalFen: 2_450_000n,
  heads: 50,
  headsAre: 'recipients',
  earlierPerHeadFen: 0n,
  ...o,
});

describe('union fund rules', () => {
  it('accepts an order inside a window, within the amount, of allowed goods', () => {
    expect(unionRefusal(rules, order())).toBeNull();
  });

  it('refuses outside every window, naming the rule and the next window', () => {
    const r = unionRefusal(rules, order({ today: '2026-05-01' }));
    expect(r?.rule).toBe('window');
    expect(r?.message).toContain('工会经费仅可在');
    expect(r?.message).toContain('当前不在任何节日时段');
    expect(r?.message).toContain('中秋 2026-09-20 至 2026-09-30');
  });

  it('includes both ends of a window', () => {
    expect(windowOn(rules, '2026-02-10')?.festival).toBe('春节');
    expect(windowOn(rules, '2026-02-24')?.festival).toBe('春节');
    expect(windowOn(rules, '2026-02-25')).toBeNull();
  });

  it('refuses over the per-member amount, counting earlier union orders of the year', () => {
    // ¥24,500 ÷ 50 = ¥490 a head; with ¥20 earlier, ¥510 > ¥500.
    const r = unionRefusal(rules, order({ earlierPerHeadFen: 2_000n }));
    expect(r?.rule).toBe('over_allowance');
    expect(r?.message).toContain('超出工会经费人均标准（2026 年每人 ¥500.00）');
    expect(r?.message).toContain('人均 ¥490.00');
    expect(r?.message).toContain('超出 ¥10.00');
    expect(unionRefusal(rules, order({ earlierPerHeadFen: 1_000n }))).toBeNull();
  });

  it('divides by the members when the order has no recipients, and says so', () => {
    const r = unionRefusal(rules, order({ heads: 2, headsAre: 'members' }));
    expect(r?.message).toContain('名本单位成员');
  });

  it('refuses when the year has no per-member amount', () => {
    const r = unionRefusal(
      { ...rules, windows: [{ festival: '元旦', from: '2027-01-01', to: '2027-01-03' }] },
      order({ today: '2027-01-02' }),
    );
    expect(r?.rule).toBe('allowance_unset');
    expect(r?.message).toContain('尚未设定 2027 年工会经费人均标准');
  });

  it('refuses an excluded category and any cash equivalent, naming the goods', () => {
    const embroidery = { name: '刺绣围巾', categorySlug: 'embroidery', categoryName: '刺绣工艺品' };
    expect(unionRefusal(rules, order({ lines: [embroidery] }))?.message).toBe(
      '工会经费不得采购“刺绣工艺品”类商品：刺绣围巾',
    );
    const card = { name: '农特产品购物卡 500 元', categorySlug: 'processed', categoryName: '特色加工' };
    expect(unionRefusal(rules, order({ lines: [card] }))?.message).toContain('工会经费不得采购购物卡、代金券等');
    expect(isCashEquivalent('提货券（全角）')).toBe(true);
    expect(isCashEquivalent('高原红米')).toBe(false);
  });

  it('sorts windows and counts their days', () => {
    expect(sortWindows([...rules.windows].reverse()).map((w) => w.festival)).toEqual(['春节', '中秋']);
    expect(windowDays({ from: '2026-02-10', to: '2026-02-24' })).toBe(15);
  });
});

describe('per-head amounts (property)', () => {
  it('never under-counts and never over-counts by a whole fen', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 1, max: 100_000 }), (total, heads) => {
        const each = perHeadFen(total, heads);
        const n = BigInt(heads);
        expect(each * n >= total).toBe(true);
        expect((each - 1n) * n < total || each === 0n).toBe(true);
      }),
    );
  });

  it('refuses an order over the amount and accepts one at it, whatever the split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (heads, allowance, earlier) => {
          const r = { ...rules, allowances: [{ year: 2026, perMemberFen: allowance }] };
          const earlierFen = BigInt(Math.min(earlier, allowance));
          const room = BigInt(allowance) - earlierFen;
          const atLimit = room * BigInt(heads);
          expect(unionRefusal(r, order({ heads, totalFen: atLimit, earlierPerHeadFen: earlierFen }))).toBeNull();
          expect(unionRefusal(r, order({ heads, totalFen: atLimit + 1n, earlierPerHeadFen: earlierFen }))?.rule).toBe(
            'over_allowance',
          );
        },
      ),
    );
  });

  it('refuses every day outside the windows and accepts every day inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (d) => {
        const day = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const inside = rules.windows.some((w) => w.from <= day && day <= w.to);
        expect(unionRefusal(rules, order({ today: day }))?.rule === 'window').toBe(!inside);
      }),
    );
  });
});
