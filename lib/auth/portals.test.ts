import { describe, expect, it } from 'vitest';
import { mayOpen, portalsFor, type Portal } from './portals';

type Who = Parameters<typeof portalsFor>[0];
const buyer: Who = { role: 'buyer', unitMemberships: [], supplierIds: [] };
const member = {
  unitId: 'u1',
  role: 'buyer',
  isAdmin: false,
  unitStatus: 'verified',
} as Who['unitMemberships'][number];
const unitBuyer: Who = { role: 'unit_member', unitMemberships: [member], supplierIds: [] };
const manager: Who = { role: 'supplier_manager', unitMemberships: [], supplierIds: [3] };
const admin: Who = { role: 'admin', unitMemberships: [], supplierIds: [] };
const PORTALS: Portal[] = ['/unit', '/workshop', '/admin'];

describe('mayOpen', () => {
  it('lets each user into exactly the portals the navigation offers them', () => {
    const open = (w: Who) => PORTALS.filter((p) => mayOpen(w, p));
    expect(open(buyer)).toEqual([]);
    expect(open(unitBuyer)).toEqual(['/unit']);
    expect(open(manager)).toEqual(['/workshop']);
    expect(open(admin)).toEqual(['/admin']);
    for (const w of [buyer, unitBuyer, manager, admin])
      expect(
        portalsFor(w)
          .filter((p) => p.href !== '/account')
          .map((p) => p.href),
      ).toEqual(open(w));
  });

  it('does not open /admin for a role that merely manages a supplier or belongs to a unit', () => {
    const both: Who = { role: 'unit_member', unitMemberships: [member], supplierIds: [3] };
    expect(mayOpen(both, '/admin')).toBe(false);
    expect(mayOpen(both, '/unit')).toBe(true);
    expect(mayOpen(both, '/workshop')).toBe(true);
  });
});

describe('the reviewers’ portal (issue 17)', () => {
  const reviewer: Who = { role: 'reviewer', unitMemberships: [], supplierIds: [] };
  it('opens /review for reviewers (in their menu) and the office (not in its menu), nobody else', () => {
    expect(portalsFor(reviewer).map((p) => p.href)).toEqual(['/account', '/review']);
    expect(mayOpen(reviewer, '/review')).toBe(true);
    expect(mayOpen(admin, '/review')).toBe(true);
    expect(portalsFor(admin).some((p) => p.href === '/review')).toBe(false);
    for (const w of [buyer, unitBuyer, manager]) expect(mayOpen(w, '/review')).toBe(false);
    for (const p of ['/unit', '/workshop', '/admin'] as const) expect(mayOpen(reviewer, p)).toBe(false);
  });
});
