import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRefund } from './ledger';

describe('allocateRefund', () => {
  it('splits in proportion and sums exactly', () => {
    const r = allocateRefund(1000n, [
      { key: 'a', remainingFen: 3000n },
      { key: 'b', remainingFen: 1000n },
      { key: 'ship', remainingFen: 0n },
    ]);
    expect(r.get('a')).toBe(750n);
    expect(r.get('b')).toBe(250n);
    expect(r.get('ship')).toBe(0n);
  });
  it('gives every bucket its remainder on a full refund', () => {
    const r = allocateRefund(3801n, [
      { key: 'a', remainingFen: 1n },
      { key: 'b', remainingFen: 3000n },
      { key: 'ship', remainingFen: 800n },
    ]);
    expect([...r.values()]).toEqual([1n, 3000n, 800n]);
  });
  it('refuses more than is refundable', () => {
    expect(() => allocateRefund(11n, [{ key: 'a', remainingFen: 10n }])).toThrow(RangeError);
  });
  it('property: parts are exact, non-negative and within each bucket', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10_000_000n }), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (rems, f) => {
          const buckets = rems.map((r, i) => ({ key: String(i), remainingFen: r }));
          const total = rems.reduce((s, r) => s + r, 0n);
          const amount = (total * BigInt(Math.floor(f * 1000))) / 1000n;
          const out = allocateRefund(amount, buckets);
          let sum = 0n;
          for (const b of buckets) {
            const v = out.get(b.key)!;
            expect(v >= 0n && v <= b.remainingFen).toBe(true);
            sum += v;
          }
          expect(sum).toBe(amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});
