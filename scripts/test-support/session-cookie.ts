import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';

/** The Auth.js session cookie (`name=value`) a seeded account's browser would send, at its current session version. */
export async function sessionCookieOf(email: string): Promise<string> {
  const { encode } = await import('next-auth/jwt');
  const u = rowsOf<{ id: string; v: number }>(
    await getDb().execute(sql`select id, session_version as v from users where email = ${email}`),
  )[0]!;
  const name = 'authjs.session-token';
  return `${name}=${await encode({ token: { uid: u.id, sv: u.v }, secret: process.env.AUTH_SECRET!, salt: name })}`;
}
