import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, IllegalTransitionError, ORDER_STATUSES } from './order-state';

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
    expect(canTransition('refunded', 'paid')).toBe(false);
    expect(() => assertTransition('paid', 'pending_payment')).toThrow(IllegalTransitionError);
  });
  it('has no way out of the terminal states', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('cancelled', to)).toBe(false);
      expect(canTransition('expired', to)).toBe(false);
      expect(canTransition('refunded', to)).toBe(false);
    }
  });
});
