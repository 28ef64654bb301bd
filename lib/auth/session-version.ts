import 'server-only';
import { getSessionVersion } from '@/db/queries/users';

/**
 * A session is valid only while the account's session version equals the one it was signed in with:
 * logout, a password change or reset and a deactivation add one, which ends every session of the
 * account at once, copied cookies included. Returns the user id of a valid session, else null.
 */
export async function validSessionUser(
  id: string | undefined | null,
  version: number | undefined | null,
): Promise<string | null> {
  if (!id || typeof version !== 'number' || version < 0) return null;
  return (await getSessionVersion({ id })) === version ? id : null;
}
