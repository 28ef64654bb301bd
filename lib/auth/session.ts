import 'server-only';
import { getSessionVersion } from '@/db/queries/users';
import { auth } from './auth';

/**
 * The signed-in user's id from the session cookie, or null. A session is valid only while the account's
 * session version equals the one it was signed in with: logout, a password change or reset and a
 * deactivation add one, which ends every session of the account at once, including copied cookies.
 * Guards re-read everything else from the database.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  return validSessionUser(session?.user?.id, session?.sessionVersion);
}

/** The user id if the session version still matches the account's. */
export async function validSessionUser(
  id: string | undefined | null,
  version: number | undefined | null,
): Promise<string | null> {
  if (!id || typeof version !== 'number' || version < 0) return null;
  return (await getSessionVersion({ id })) === version ? id : null;
}
