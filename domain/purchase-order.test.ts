import { describe, expect, it } from 'vitest';
import {
  APPROVAL_HOLD_DAYS,
  holdMinutes,
  mayDecide,
  paymentDueDays,
  TRANSFER_REF_ALPHABET,
  transferReference,
} from './purchase-order';

describe('purchase-order rules', () => {
  it('holds stock 7 days for a unit, the payment timeout otherwise', () => {
    expect(holdMinutes({ unitOrder: true, paymentTimeoutMinutes: 30 })).toBe(APPROVAL_HOLD_DAYS * 24 * 60);
    expect(holdMinutes({ unitOrder: false, paymentTimeoutMinutes: 30 })).toBe(30);
  });
  it('makes payment due in 30 days on pay-later terms, 7 otherwise', () => {
    expect(paymentDueDays('pay_later')).toBe(30);
    expect(paymentDueDays('prepay')).toBe(7);
  });
  it('builds transfer references without look-alike characters', () => {
    expect(TRANSFER_REF_ALPHABET).not.toMatch(/[01IO]/);
    const ref = transferReference(new Uint8Array([0, 1, 2, 31, 32, 255, 100, 7]));
    expect(ref).toMatch(/^ZZ[A-HJ-NP-Z2-9]{8}$/);
    expect(ref).toBe('ZZABC9A9EH');
    expect(() => transferReference(new Uint8Array(4))).toThrow();
  });
  it('lets only another approver of the unit decide', () => {
    expect(mayDecide({ approverRole: 'approver', approverId: 'a', submittedBy: 'b' })).toBe(true);
    expect(mayDecide({ approverRole: 'approver', approverId: 'a', submittedBy: 'a' })).toBe(false);
    expect(mayDecide({ approverRole: 'buyer', approverId: 'a', submittedBy: 'b' })).toBe(false);
    expect(mayDecide({ approverRole: null, approverId: 'a', submittedBy: 'b' })).toBe(false);
  });
});
