import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateAcrossSources,
  applicability,
  awaitsPayment,
  balanceDue,
  classifyReceipt,
  formatMoney,
  mayReopen,
  type OrderMoney,
} from './money-movements';
import type { OrderStatus } from './order-state';

type O = OrderMoney & { rejectReason: string | null };
const order = (over: Partial<O> = {}): O => ({
  status: 'pending_payment' as OrderStatus,
  paidAt: null as Date | null,
  totalFen: 10_000n,
  paidFen: 0n,
  refundedFen: 0n,
  rejectReason: null as string | null,
  ...over,
});

describe('balance due', () => {
  it('is the total less the money held, never negative', () => {
    expect(balanceDue(order())).toBe(10_000n);
    expect(balanceDue(order({ paidFen: 4_000n }))).toBe(6_000n);
    expect(balanceDue(order({ paidFen: 4_000n, refundedFen: 4_000n }))).toBe(10_000n);
    expect(balanceDue(order({ paidFen: 10_000n }))).toBe(0n);
  });
  it('an order awaits payment while unpaid and pending, or shipped on pay-later terms', () => {
    expect(awaitsPayment(order())).toBe(true);
    expect(awaitsPayment(order({ status: 'shipped' }))).toBe(true);
    expect(awaitsPayment(order({ status: 'shipped', paidAt: new Date() }))).toBe(false);
    expect(awaitsPayment(order({ status: 'pending_approval' }))).toBe(false);
    expect(awaitsPayment(order({ status: 'cancelled' }))).toBe(false);
  });
});

describe('where received money goes', () => {
  const exact = (o: ReturnType<typeof order> | null, amountFen: bigint, currency = 'cny') =>
    classifyReceipt({ order: o, amountFen, currency, exact: true });
  it('a provider payment of exactly the balance in cny is applied', () => {
    expect(exact(order(), 10_000n)).toEqual({ appliedFen: 10_000n, unmatchedFen: 0n, reason: null });
    expect(exact(order({ paidFen: 3_000n }), 7_000n)).toEqual({ appliedFen: 7_000n, unmatchedFen: 0n, reason: null });
  });
  it('anything else is unmatched as a whole, with its reason', () => {
    expect(exact(null, 1n).reason).toBe('unknown_order');
    expect(exact(order(), 10_000n, 'usd')).toEqual({
      appliedFen: 0n,
      unmatchedFen: 10_000n,
      reason: 'currency_mismatch',
    });
    expect(exact(order(), 9_999n).reason).toBe('amount_mismatch');
    expect(exact(order(), 10_001n).reason).toBe('amount_mismatch');
    expect(exact(order({ paidFen: 3_000n }), 10_000n).reason).toBe('amount_mismatch'); // the balance is 7,000
    expect(exact(order({ status: 'cancelled' }), 10_000n).reason).toBe('order_closed');
    expect(exact(order({ status: 'expired' }), 10_000n).reason).toBe('order_closed');
    expect(exact(order({ status: 'paid', paidAt: new Date(), paidFen: 10_000n }), 10_000n).reason).toBe('already_paid');
    expect(exact(order({ status: 'refunded', paidAt: new Date() }), 10_000n).reason).toBe('already_paid');
    expect(exact(order({ status: 'pending_approval' }), 10_000n).reason).toBe('not_payable');
  });
  it('a bank transfer applies up to the balance; the excess is unmatched', () => {
    const t = (o: ReturnType<typeof order>, amountFen: bigint) =>
      classifyReceipt({ order: o, amountFen, currency: 'cny', exact: false });
    expect(t(order(), 4_000n)).toEqual({ appliedFen: 4_000n, unmatchedFen: 0n, reason: null });
    expect(t(order(), 10_000n)).toEqual({ appliedFen: 10_000n, unmatchedFen: 0n, reason: null });
    expect(t(order({ paidFen: 4_000n }), 10_000n)).toEqual({
      appliedFen: 6_000n,
      unmatchedFen: 4_000n,
      reason: 'overpayment',
    });
  });
  it('always accounts for every fen: applied + unmatched = received, applied never beyond the balance', () => {
    const statuses: OrderStatus[] = ['pending_payment', 'shipped', 'paid', 'cancelled', 'expired', 'pending_approval'];
    fc.assert(
      fc.property(
        fc.constantFrom(...statuses),
        fc.boolean(),
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.boolean(),
        fc.constantFrom('cny', 'usd'),
        (status, paid, totalFen, paidRaw, amountFen, exactly, currency) => {
          const paidFen = paidRaw > totalFen ? totalFen : paidRaw;
          const o = order({ status, paidAt: paid ? new Date() : null, totalFen, paidFen });
          const r = classifyReceipt({ order: o, amountFen, currency, exact: exactly });
          expect(r.appliedFen + r.unmatchedFen).toBe(amountFen);
          expect(r.appliedFen >= 0n && r.unmatchedFen >= 0n).toBe(true);
          expect(r.appliedFen <= balanceDue(o)).toBe(true);
          expect(r.unmatchedFen > 0n).toBe(r.reason !== null);
        },
      ),
    );
  });
});

describe('applying unmatched money', () => {
  it('to an order awaiting payment, up to its balance', () => {
    expect(applicability({ order: order(), amountFen: 10_000n, currency: 'cny' })).toEqual({ ok: true, reopen: false });
    expect(applicability({ order: order(), amountFen: 4_000n, currency: 'cny' })).toEqual({ ok: true, reopen: false });
    expect(applicability({ order: order(), amountFen: 10_001n, currency: 'cny' }).ok).toBe(false);
  });
  it('to a closed order only for its whole total (it is reopened), never to a rejected one', () => {
    expect(applicability({ order: order({ status: 'expired' }), amountFen: 10_000n, currency: 'cny' })).toEqual({
      ok: true,
      reopen: true,
    });
    expect(applicability({ order: order({ status: 'cancelled' }), amountFen: 9_000n, currency: 'cny' }).ok).toBe(false);
    const rejected = order({ status: 'cancelled', rejectReason: '数量有误' });
    expect(mayReopen(rejected)).toBe(false);
    expect(applicability({ order: rejected, amountFen: 10_000n, currency: 'cny' }).ok).toBe(false);
  });
  it('never to a paid order, without an order, or in another currency', () => {
    const paid = order({ status: 'paid', paidAt: new Date(), paidFen: 10_000n });
    expect(applicability({ order: paid, amountFen: 10_000n, currency: 'cny' })).toEqual({
      ok: false,
      message: '订单已付款，请退款',
    });
    expect(applicability({ order: null, amountFen: 1n, currency: 'cny' }).ok).toBe(false);
    expect(applicability({ order: order(), amountFen: 10_000n, currency: 'usd' }).ok).toBe(false);
  });
});

describe('refunds across the payments that brought the money in', () => {
  it('takes the newest first, each no more than what is left of it', () => {
    const s = [
      { id: 'a', remainingFen: 3_000n },
      { id: 'b', remainingFen: 5_000n },
    ];
    expect(allocateAcrossSources(6_000n, s).map((p) => [p.source.id, p.amountFen])).toEqual([
      ['b', 5_000n],
      ['a', 1_000n],
    ]);
    expect(allocateAcrossSources(5_000n, s).map((p) => p.source.id)).toEqual(['b']);
    expect(() => allocateAcrossSources(8_001n, s)).toThrow(RangeError);
    expect(() => allocateAcrossSources(0n, s)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('renminbi with ¥, other currencies with their code', () => {
    expect(formatMoney(5300n, 'cny')).toBe('¥53.00');
    expect(formatMoney(5300n, 'usd')).toBe('USD 53.00');
    expect(formatMoney(5300n, 'jpy')).toBe('JPY 5300');
  });
});
