import 'server-only';
import type { CurrentUser } from '@/db/queries/users';
import { pageUser } from './page-guard';

/** For admin pages: the user if they are the programme office, otherwise null (the page shows 无权访问). */
export async function adminPageUser(path: string): Promise<CurrentUser | null> {
  const user = await pageUser(path);
  return user.role === 'admin' ? user : null;
}
