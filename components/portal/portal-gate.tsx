import type { ReactNode } from 'react';
import { portalUser } from '@/lib/auth/page-guard';
import type { Portal } from '@/lib/auth/portals';

/**
 * The portal's guard, run once by its layout: a visitor without a session goes to the login page, a
 * signed-in user who may not open the portal sees `denied` and no portal menu, everyone else the menu
 * and the page. (Pages still check for themselves: a layout is not re-run on navigation inside it.)
 */
export async function PortalGate({
  portal,
  denied,
  menu,
  children,
}: {
  portal: Portal;
  denied: ReactNode;
  menu?: ReactNode;
  children: ReactNode;
}) {
  if (!(await portalUser(portal))) return denied;
  return (
    <>
      {menu}
      {children}
    </>
  );
}
