import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { CurrentUser } from '@/db/queries/users';
import { optionalUser } from './guards';
import { mayOpen, PATH_HEADER, type Portal } from './portals';

/** One database read of the user per page render, shared by the portal layout and the page's own check. */
const renderUser = cache(optionalUser);

/** For pages: the signed-in, active user, or a redirect to the login page that comes back here. */
export async function pageUser(path: string): Promise<CurrentUser> {
  const user = await renderUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return user;
}

/**
 * For portal layouts: the signed-in user if they may open the portal, null if they may not (the layout
 * shows 无权访问 and no portal menu). A visitor without a session goes to the login page.
 */
export async function portalUser(portal: Portal): Promise<CurrentUser | null> {
  const path = (await headers()).get(PATH_HEADER) ?? portal;
  const user = await pageUser(path.startsWith(portal) ? path : portal);
  return mayOpen(user, portal) ? user : null;
}
