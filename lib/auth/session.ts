import 'server-only';
import { headers } from 'next/headers';
import { auth } from './auth';
import { validSessionUser } from './session-version';

/**
 * Every Auth.js session cookie (`authjs.session-token`, `__Secure-authjs.session-token`, and their chunks
 * `.0`, `.1`, …) has this in its name: Auth.js reads any cookie whose name starts with its session cookie's.
 */
const SESSION_COOKIE_PART = 'authjs.session-token';

/**
 * The signed-in user's id from the session cookie, or null when there is none or its session version is
 * no longer the account's (lib/auth/session-version.ts). Guards re-read everything else from the database.
 * A request whose Cookie header names no session cookie has no session, and Auth.js is not asked: its
 * session call builds a request, draws and digests a CSRF token and only then finds no cookie (about 1 ms
 * of server CPU per guest order through POST /api/v1/orders).
 */
export async function getSessionUserId(): Promise<string | null> {
  if (!(await headers()).get('cookie')?.includes(SESSION_COOKIE_PART)) return null;
  const session = (await auth()) as { user?: { id?: string }; sessionVersion?: number } | null;
  return validSessionUser(session?.user?.id, session?.sessionVersion);
}
