import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  channelOfKind,
  formatQuantityCenti,
  HOUSEHOLD_CODE,
  householdFigures,
  initialPayoutStatus,
  nearestRank,
  parseQuantityCenti,
  PAYOUT_KINDS,
  PAYOUT_STATUSES,
  quantityAmountFen,
  reachedShareBps,
} from './benefit';

describe('payout kinds and channels', () => {
  it('count wages as 吸纳就业, premiums as 发展生产 and dividends as 收益分红', () => {
    expect(PAYOUT_KINDS.map(channelOfKind)).toEqual(['employment', 'employment', 'production', 'dividend']);
  });
  it('cash waits for the household’s confirmation; bank and WeChat go straight to verification', () => {
    expect(initialPayoutStatus('cash', false)).toBe('awaiting_confirmation');
    expect(initialPayoutStatus('cash', true)).toBe('submitted');
    expect(initialPayoutStatus('bank', false)).toBe('submitted');
    expect(initialPayoutStatus('wechat', false)).toBe('submitted');
  });
  it('verifies only submitted payouts, and nothing leaves verified or void', () => {
    expect(canTransition('submitted', 'verify')).toBe(true);
    expect(canTransition('awaiting_confirmation', 'verify')).toBe(false);
    expect(canTransition('returned', 'verify')).toBe(false);
    for (const t of ['confirm', 'verify', 'return', 'void'] as const) {
      expect(canTransition('verified', t)).toBe(false);
      expect(canTransition('void', t)).toBe(false);
    }
    expect(PAYOUT_STATUSES).toContain('void');
  });
});

describe('quantities and amounts', () => {
  it('reads quantities to two decimals', () => {
    expect(parseQuantityCenti('12')).toBe(1200);
    expect(parseQuantityCenti(' 2.5 ')).toBe(250);
    expect(parseQuantityCenti('152.25')).toBe(15225);
    for (const bad of ['', '0', '0.00', '-1', '1.234', '1e3', '１２', '99999999', 'abc']) {
      expect(parseQuantityCenti(bad)).toBeNull();
    }
    expect(formatQuantityCenti(1250)).toBe('12.5');
    expect(formatQuantityCenti(1200)).toBe('12');
    expect(formatQuantityCenti(1205)).toBe('12.05');
  });
  it('multiplies quantity by rate to the fen, half up', () => {
    expect(quantityAmountFen(250, 12000)).toBe(30000n);
    expect(quantityAmountFen(33, 100)).toBe(33n);
    expect(quantityAmountFen(150, 1)).toBe(2n);
    expect(quantityAmountFen(149, 1)).toBe(1n);
  });
  it('accepts household codes like DT-0012 only', () => {
    expect(HOUSEHOLD_CODE.test('DT-0012')).toBe(true);
    expect(HOUSEHOLD_CODE.test('JJ-12')).toBe(true);
    for (const bad of ['dt-0012', 'DT0012', 'DT-1', 'ABCDE-0001', 'DT-0012 ', '张-0001']) {
      expect(HOUSEHOLD_CODE.test(bad)).toBe(false);
    }
  });
});

describe('household figures', () => {
  it('median and 10th percentile by nearest rank', () => {
    expect(nearestRank([], 50)).toBe(0n);
    expect(nearestRank([5n], 10)).toBe(5n);
    expect(nearestRank([4n, 1n, 3n, 2n], 50)).toBe(2n);
    expect(nearestRank([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n], 10)).toBe(2n);
  });
  it('counts households with a verified payout, by category', () => {
    const f = householdFigures([
      { householdId: 1, category: 'poverty_lifted', paidFen: 100n },
      { householdId: 2, category: 'monitored', paidFen: 300n },
      { householdId: 3, category: 'general', paidFen: 200n },
      { householdId: 4, category: 'poverty_lifted', paidFen: 0n },
    ]);
    expect(f).toEqual({ reached: 3, poverty: 1, monitored: 1, medianFen: 200n, p10Fen: 100n });
  });
  it('the median lies between the 10th percentile and the largest income, all taken from the incomes', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 200 }), (paid) => {
        const f = householdFigures(paid.map((p, i) => ({ householdId: i, category: 'general', paidFen: p })));
        expect(f.reached).toBe(paid.length);
        expect(paid).toContain(f.medianFen);
        expect(f.p10Fen <= f.medianFen).toBe(true);
        expect(paid.filter((p) => p <= f.medianFen).length * 2).toBeGreaterThanOrEqual(paid.length);
      }),
    );
  });
  it('share of counted sales in basis points, rounded down', () => {
    expect(reachedShareBps(4_500n, 10_000n)).toBe(4500);
    expect(reachedShareBps(1n, 3n)).toBe(3333);
    expect(reachedShareBps(100n, 0n)).toBe(0);
  });
});
