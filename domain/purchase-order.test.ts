import { describe, expect, it } from 'vitest';
import {
  eligibleApprovers,
  mayDecide,
  sponsorsOf,
  uncertifiedNotKept,
  uncountedFen,
  type MemberLink,
  paymentDueDays,
  TRANSFER_REF_ALPHABET,
  transferReference,
} from './purchase-order';

describe('purchase-order rules', () => {
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
  const m = (userId: string, role: string, invitedBy: string | null = null, extra: Partial<MemberLink> = {}) => ({
    userId,
    role,
    active: true,
    invitedBy,
    roleGrantedBy: invitedBy,
    ...extra,
  });

  it('lets only another active approver of the unit decide', () => {
    const members = [m('a', 'approver'), m('b', 'buyer'), m('c', 'buyer'), m('d', 'approver', null, { active: false })];
    expect(mayDecide({ approverId: 'a', submittedBy: 'b', members })).toBe(true);
    expect(mayDecide({ approverId: 'a', submittedBy: 'a', members })).toBe(false);
    expect(mayDecide({ approverId: 'b', submittedBy: 'c', members })).toBe(false);
    expect(mayDecide({ approverId: 'd', submittedBy: 'b', members })).toBe(false);
    expect(mayDecide({ approverId: 'x', submittedBy: 'b', members })).toBe(false);
    expect(mayDecide({ approverId: 'a', submittedBy: null, members })).toBe(false);
  });

  it('never lets an approver decide for the member who invited them or gave them the role, however indirectly', () => {
    // The administrator (buyer) invites a second account of their own as 审批人, directly or through a third.
    const direct = [m('admin', 'buyer'), m('alt', 'approver', 'admin')];
    expect(mayDecide({ approverId: 'alt', submittedBy: 'admin', members: direct })).toBe(false);
    const chained = [m('admin', 'buyer'), m('helper', 'buyer', 'admin'), m('alt', 'approver', 'helper')];
    expect(mayDecide({ approverId: 'alt', submittedBy: 'admin', members: chained })).toBe(false);
    // A member invited as buyer and later made approver by the submitter is excluded too.
    const promoted = [m('admin', 'buyer'), m('p', 'approver', 'x', { roleGrantedBy: 'admin' }), m('x', 'buyer')];
    expect(mayDecide({ approverId: 'p', submittedBy: 'admin', members: promoted })).toBe(false);
    // The same approver may decide another buyer's order.
    expect(
      mayDecide({ approverId: 'alt', submittedBy: 'other', members: [...direct, m('other', 'buyer', 'admin')] }),
    ).toBe(true);
    // Cycles in the links end.
    expect(sponsorsOf('a', [m('a', 'approver', 'b'), m('b', 'buyer', 'a')])).toEqual(new Set(['b']));
  });

  it('sends a purchase order to the office when no approver is eligible', () => {
    const members = [m('admin', 'buyer'), m('alt', 'approver', 'admin'), m('b', 'buyer', 'admin')];
    expect(eligibleApprovers('admin', members)).toEqual([]);
    expect(eligibleApprovers('b', members)).toEqual(['alt']);
  });
});

describe('uncertified lines in a unit order', () => {
  const lines = [
    { slug: 'tea', certified: true, lineTotalFen: 1000n },
    { slug: 'mushrooms', certified: false, lineTotalFen: 680n },
    { slug: 'papaya', certified: false, lineTotalFen: 20n },
  ];
  it('are kept only when ticked, one by one', () => {
    expect(uncertifiedNotKept(lines, []).map((l) => l.slug)).toEqual(['mushrooms', 'papaya']);
    expect(uncertifiedNotKept(lines, ['mushrooms']).map((l) => l.slug)).toEqual(['papaya']);
    expect(uncertifiedNotKept(lines, ['mushrooms', 'papaya', 'tea'])).toEqual([]);
    // Ticking a certified product changes nothing, and a tick never certifies anything.
    expect(uncertifiedNotKept(lines, ['tea']).length).toBe(2);
  });
  it('are counted apart: 不计入认购', () => {
    expect(uncountedFen(lines)).toBe(700n);
    expect(uncountedFen([])).toBe(0n);
  });
});
