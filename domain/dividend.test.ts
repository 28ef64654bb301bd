import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, dividendDues, dividendPoolFen } from './dividend';

const sum = (xs: bigint[]) => xs.reduce((s, x) => s + x, 0n);

describe('dividend pool', () => {
  it('is counted sales × share, rounded down to the fen, and nothing without positive sales', () => {
    expect(dividendPoolFen(1_234_567n, 1500)).toBe(185_185n);
    expect(dividendPoolFen(99n, 1500)).toBe(14n);
    expect(dividendPoolFen(0n, 1500)).toBe(0n);
    expect(dividendPoolFen(-500n, 1500)).toBe(0n);
    expect(dividendPoolFen(10_000n, 10_000)).toBe(10_000n);
  });
});

describe('largest-remainder apportionment', () => {
  it('gives the left-over fen to the largest remainders, ties to the earlier entry', () => {
    expect(allocateLargestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateLargestRemainder(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
    expect(allocateLargestRemainder(0n, [1n, 5n])).toEqual([0n, 0n]);
    expect(allocateLargestRemainder(7n, [0n, 1n])).toEqual([0n, 7n]);
  });
  it('refuses weights that cannot carry a pool', () => {
    expect(() => allocateLargestRemainder(10n, [0n, 0n])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(10n, [])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(10n, [-1n, 3n])).toThrow(RangeError);
    expect(() => allocateLargestRemainder(-1n, [1n])).toThrow(RangeError);
  });
  it('sums exactly to the pool; each share is within one fen of its exact quota; more weight never gets less', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10_000n }), { minLength: 1, maxLength: 60 }),
        (pool, raw) => {
          const weights = raw.some((w) => w > 0n) ? raw : [...raw.slice(1), 1n];
          const total = sum(weights);
          const dues = allocateLargestRemainder(pool, weights);
          expect(sum(dues)).toBe(pool);
          weights.forEach((w, i) => {
            const floor = (pool * w) / total;
            expect(dues[i]! - floor).toBeGreaterThanOrEqual(0n);
            expect(dues[i]! - floor).toBeLessThanOrEqual(1n);
            weights.forEach((v, j) => {
              if (w > v) expect(dues[i]! >= dues[j]!).toBe(true);
            });
          });
        },
      ),
    );
  });
  it('splits equally or by shares over the rule’s members', () => {
    const members = [
      { householdId: 7, shares: 1 },
      { householdId: 8, shares: 3 },
    ];
    expect(dividendDues(101n, 'equal', members)).toEqual([
      { householdId: 7, dueFen: 51n },
      { householdId: 8, dueFen: 50n },
    ]);
    expect(dividendDues(101n, 'shares', members)).toEqual([
      { householdId: 7, dueFen: 25n },
      { householdId: 8, dueFen: 76n },
    ]);
    expect(dividendDues(101n, 'equal', [])).toEqual([]);
  });
});
