import { describe, expect, it } from 'vitest';
import { badgeState, isCertificationInForce, verifyVerdict } from './certification';
import { chinaDate } from './time';

const today = '2026-11-29';

describe('badge rule', () => {
  it('gives the badge only to a listed product with an approved, unexpired certificate', () => {
    const cert = { status: 'approved' as const, expiresOn: '2027-06-30' };
    expect(badgeState('listed', cert, today)).toBe('certified');
    expect(badgeState('delisted', cert, today)).toBe('none');
    expect(badgeState('in_review', cert, today)).toBe('none');
  });
  it('treats the expiry day itself as still valid and the day after as expired', () => {
    expect(badgeState('listed', { status: 'approved', expiresOn: today }, today)).toBe('certified');
    expect(badgeState('listed', { status: 'approved', expiresOn: '2026-11-28' }, today)).toBe('expired');
    expect(badgeState('listed', { status: 'expired', expiresOn: '2027-01-01' }, today)).toBe('expired');
  });
  it('shows pending and nothing for rejected, revoked or missing certificates', () => {
    expect(badgeState('listed', { status: 'pending', expiresOn: '2027-01-01' }, today)).toBe('pending');
    expect(badgeState('listed', { status: 'rejected', expiresOn: '2027-01-01' }, today)).toBe('none');
    expect(badgeState('listed', { status: 'revoked', expiresOn: '2027-01-01' }, today)).toBe('none');
    expect(badgeState('listed', null, today)).toBe('none');
  });
  it('answers whether a certificate is in force', () => {
    expect(isCertificationInForce({ status: 'approved', expiresOn: today }, today)).toBe(true);
    expect(isCertificationInForce({ status: 'pending', expiresOn: '2030-01-01' }, today)).toBe(false);
    expect(isCertificationInForce(undefined, today)).toBe(false);
  });
  it('gives the public verdict', () => {
    expect(verifyVerdict({ status: 'approved', expiresOn: '2027-01-01' }, today)).toBe('valid');
    expect(verifyVerdict({ status: 'approved', expiresOn: '2026-01-01' }, today)).toBe('expired');
    expect(verifyVerdict({ status: 'revoked', expiresOn: '2027-01-01' }, today)).toBe('revoked');
  });
});

describe('chinaDate', () => {
  it('uses UTC+8', () => {
    expect(chinaDate(new Date('2026-11-29T15:59:59Z'))).toBe('2026-11-29');
    expect(chinaDate(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
  });
});
