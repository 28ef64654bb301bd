import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  canTransition,
  IllegalTransitionError,
  isShippable,
  ORDER_STATUSES,
  statusAfterRefund,
  statusWhenPaid,
} from './order-state';

describe('order state machine', () => {
  it('allows the documented transitions', () => {
    expect(canTransition('pending_payment', 'paid')).toBe(true);
    expect(canTransition('pending_payment', 'cancelled')).toBe(true);
    expect(canTransition('pending_payment', 'expired')).toBe(true);
    expect(canTransition('paid', 'shipped')).toBe(true);
    expect(canTransition('shipped', 'delivered')).toBe(true);
    expect(canTransition('paid', 'refunded')).toBe(true);
    expect(canTransition('paid', 'partially_refunded')).toBe(true);
  });
  it('refuses the rest with an error', () => {
    expect(canTransition('paid', 'cancelled')).toBe(false);
    expect(canTransition('paid', 'expired')).toBe(false);
    expect(canTransition('cancelled', 'paid')).toBe(false);
    expect(canTransition('expired', 'paid')).toBe(false);
    expect(canTransition('pending_approval', 'shipped')).toBe(false);
    expect(canTransition('refunded', 'paid')).toBe(false);
    expect(() => assertTransition('paid', 'pending_payment')).toThrow(IllegalTransitionError);
  });
  it('has no way out of the closed states but reopening (money the office applies), none out of refunded', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('cancelled', to)).toBe(to === 'pending_payment');
      expect(canTransition('expired', to)).toBe(to === 'pending_payment');
      expect(canTransition('refunded', to)).toBe(false);
    }
  });
  it('a pay-later order ships before it is paid, and keeps its shipping status when paid', () => {
    expect(canTransition('pending_payment', 'shipped')).toBe(true);
    expect(canTransition('pending_payment', 'partially_shipped')).toBe(true);
    expect(statusWhenPaid('pending_payment')).toBe('paid');
    expect(statusWhenPaid('shipped')).toBe('shipped');
    expect(statusWhenPaid('partially_shipped')).toBe('partially_shipped');
  });
  it('a paid order that holds no money any more is refunded, otherwise partially refunded', () => {
    expect(statusAfterRefund({ heldFen: 0n })).toBe('refunded');
    expect(statusAfterRefund({ heldFen: 1n })).toBe('partially_refunded');
  });
  it('ships paid orders, and approved pay-later orders before payment; nothing else', () => {
    const paidAt = new Date();
    const decidedAt = new Date();
    const o = { paidAt: null, paymentTerms: 'pay_later', decidedAt };
    expect(isShippable({ status: 'paid', paidAt, paymentTerms: 'prepay', decidedAt: null })).toBe(true);
    expect(isShippable({ status: 'refunded', paidAt, paymentTerms: 'prepay', decidedAt: null })).toBe(false);
    expect(isShippable({ status: 'pending_payment', ...o })).toBe(true);
    expect(isShippable({ status: 'partially_shipped', ...o })).toBe(true);
    expect(isShippable({ status: 'pending_payment', ...o, paymentTerms: 'prepay' })).toBe(false);
    expect(isShippable({ status: 'pending_payment', ...o, decidedAt: null })).toBe(false);
    expect(isShippable({ status: 'cancelled', ...o })).toBe(false);
    expect(isShippable({ status: 'pending_approval', ...o })).toBe(false);
  });
});
