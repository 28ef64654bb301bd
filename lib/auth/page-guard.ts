import 'server-only';
import { redirect } from 'next/navigation';
import type { CurrentUser } from '@/db/queries/users';
import { optionalUser } from './guards';

/** For pages: the signed-in, active user, or a redirect to the login page that comes back here. */
export async function pageUser(path: string): Promise<CurrentUser> {
  const user = await optionalUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return user;
}
