import 'server-only';
import { auth } from './auth';

/** The signed-in user's id from the session cookie, or null. Guards re-read everything else from the database. */
export async function getSessionUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
