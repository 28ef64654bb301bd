import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { passwordResets, users } from '../schema';

/** Passwords and the office's one-time reset links (only the token's hash is stored). */

export async function getPasswordHash({ userId }: { userId: string }, db: Executor = getDb()): Promise<string | null> {
  const [u] = await db.select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return u?.h ?? null;
}

/** Sets the new hash and ends every session of the account (its session version moves on). */
export async function setPasswordHash(
  { userId, passwordHash }: { userId: string; passwordHash: string },
  tx: Executor,
) {
  await tx
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export async function insertPasswordReset(values: typeof passwordResets.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(passwordResets).values(values);
}

/** A new link replaces the account's earlier unused ones. */
export async function voidPasswordResets({ userId }: { userId: string }, tx: Executor): Promise<void> {
  await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

const openReset = (tokenHash: string) =>
  and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), sql`${passwordResets.expiresAt} > now()`);

/** The account an open (unused, unexpired) reset link is for, with its name, or null. */
export async function findOpenPasswordReset({ tokenHash }: { tokenHash: string }) {
  const [r] = await getDb()
    .select({ userId: passwordResets.userId, name: users.name, active: users.active })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(openReset(tokenHash))
    .limit(1);
  return r ?? null;
}

/** Uses an open reset link once (concurrent claims get null). */
export async function claimPasswordReset({ tokenHash }: { tokenHash: string }, tx: Executor) {
  const [r] = await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(openReset(tokenHash))
    .returning({ userId: passwordResets.userId });
  return r ?? null;
}
