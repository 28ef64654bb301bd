import type { CurrentUser } from '@/db/queries/users';

/** The portals a user may open, in the order the navigation shows them. */
export function portalsFor(
  user: Pick<CurrentUser, 'role' | 'unitMemberships' | 'supplierIds'>,
): { href: string; label: string }[] {
  const out: { href: string; label: string }[] = [{ href: '/account', label: '我的账户' }];
  if (user.unitMemberships.length) out.push({ href: '/unit', label: '单位采购' });
  if (user.supplierIds.length) out.push({ href: '/workshop', label: '车间/合作社' });
  if (user.role === 'admin') out.push({ href: '/admin', label: '管理后台' });
  if (user.role === 'reviewer') out.push({ href: '/review', label: '带贫核实' });
  return out;
}
