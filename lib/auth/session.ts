import 'server-only';
import { auth } from './auth';
import { validSessionUser } from './session-version';

/**
 * The signed-in user's id from the session cookie, or null when there is none or its session version is
 * no longer the account's (lib/auth/session-version.ts). Guards re-read everything else from the database.
 */
export async function getSessionUserId(): Promise<string | null> {
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  return validSessionUser(session?.user?.id, session?.sessionVersion);
}
