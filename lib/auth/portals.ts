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

export type Portal = '/unit' | '/workshop' | '/admin' | '/review';

/**
 * Whether the user may open this portal (its layout shows 无权访问 otherwise). /review (带贫核实) is the
 * reviewers' portal; the office opens it too, without it cluttering the office's menu.
 */
export function mayOpen(user: Pick<CurrentUser, 'role' | 'unitMemberships' | 'supplierIds'>, portal: Portal): boolean {
  if (portal === '/review' && user.role === 'admin') return true;
  return portalsFor(user).some((p) => p.href === portal);
}

/** The request header through which proxy.ts tells a portal layout the path being opened. */
export const PATH_HEADER = 'x-gejiu-pathname';
