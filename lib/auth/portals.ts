import type { CurrentUser } from '@/db/queries/users';

export type Portal = '/unit' | '/workshop' | '/admin' | '/review';

/** Each portal's name: its entry in the account menu and the label of its section links. */
export const PORTAL_NAMES: Record<Portal, string> = {
  '/unit': '单位采购',
  '/workshop': '车间/合作社',
  '/admin': '管理后台',
  '/review': '带贫核实',
};

/** The portals a user may open, in the order the navigation shows them. */
export function portalsFor(
  user: Pick<CurrentUser, 'role' | 'unitMemberships' | 'supplierIds'>,
): { href: string; label: string }[] {
  const portals: Portal[] = [];
  if (user.unitMemberships.length) portals.push('/unit');
  if (user.supplierIds.length) portals.push('/workshop');
  if (user.role === 'admin') portals.push('/admin');
  if (user.role === 'reviewer') portals.push('/review');
  return [{ href: '/account', label: '我的账户' }, ...portals.map((href) => ({ href, label: PORTAL_NAMES[href] }))];
}

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
