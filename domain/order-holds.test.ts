import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holdCapProblem, holdMinutes, openOrderCapHit, type HoldPolicy } from './order-holds';

const policy: HoldPolicy = { maxLineQuantity: 20, maxOrderFen: 500_000n, maxOpenOrders: 3, holdMinutes: 15 };
const line = (quantity: number, slug = 'tea') => ({ slug, name: '普洱茶', quantity });

describe('holds', () => {
  it('units keep 7 days; capped buyers the shorter hold; others the payment timeout', () => {
    const base = { paymentTimeoutMinutes: 30, cappedHoldMinutes: 15 };
    expect(holdMinutes({ ...base, unitOrder: true, capped: false })).toBe(7 * 24 * 60);
    expect(holdMinutes({ ...base, unitOrder: true, capped: true })).toBe(7 * 24 * 60);
    expect(holdMinutes({ ...base, unitOrder: false, capped: true })).toBe(15);
    expect(holdMinutes({ ...base, unitOrder: false, capped: false })).toBe(30);
    // A shorter payment timeout wins.
    expect(holdMinutes({ paymentTimeoutMinutes: 10, cappedHoldMinutes: 15, unitOrder: false, capped: true })).toBe(10);
  });

  it('a household order passes; 50 × 10,000 units (the attack) does not', () => {
    expect(holdCapProblem({ lines: [line(3), line(20, 'rice')], itemsFen: 49_900n }, policy)).toBeNull();
    const attack = holdCapProblem({ lines: [line(10_000)], itemsFen: 10_000n * 3_800n }, policy);
    expect(attack?.message).toMatch(/每种商品每单最多 20 件/);
    expect(attack?.fields).toEqual({ tea: '每种商品每单最多 20 件' });
    expect(holdCapProblem({ lines: [line(20)], itemsFen: 500_001n }, policy)?.message).toMatch(/¥5,000.00/);
  });

  it('refuses exactly the orders over a cap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        fc.bigInt({ min: 0n, max: 1_000_000n }),
        (qs, fen) => {
          const problem = holdCapProblem({ lines: qs.map((q, i) => line(q, `p${i}`)), itemsFen: fen }, policy);
          expect(problem === null).toBe(qs.every((q) => q <= 20) && fen <= 500_000n);
        },
      ),
    );
  });

  it('caps open unpaid orders per mobile, account and address', () => {
    expect(openOrderCapHit({ mobile: 2, account: 2, address: 2 }, policy)).toBeNull();
    expect(openOrderCapHit({ mobile: 3, account: 0, address: 0 }, policy)).toBe('mobile');
    expect(openOrderCapHit({ mobile: 0, account: 3, address: 0 }, policy)).toBe('account');
    expect(openOrderCapHit({ mobile: 0, account: 0, address: 7 }, policy)).toBe('address');
  });
});
