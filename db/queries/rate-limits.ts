import 'server-only';
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { rateLimits } from '../schema';

/** One window's counter, or null before its first hit. A read: refusals write nothing. */
export async function readRateLimit(
  { keyHash, windowStart }: { keyHash: string; windowStart: Date },
  db: Executor = getDb(),
): Promise<{ hits: number; lastHitAt: Date } | null> {
  const [r] = await db
    .select({ hits: rateLimits.hits, lastHitAt: rateLimits.lastHitAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.keyHash, keyHash), eq(rateLimits.windowStart, windowStart)))
    .limit(1);
  return r ?? null;
}

/** Counts one hit at `at` in a window (atomic across instances) and returns the new count. */
export async function bumpRateLimit(
  { keyHash, windowStart, at }: { keyHash: string; windowStart: Date; at: Date },
  db: Executor = getDb(),
): Promise<number> {
  const [r] = await db
    .insert(rateLimits)
    .values({ keyHash, windowStart, hits: 1, lastHitAt: at })
    .onConflictDoUpdate({
      target: [rateLimits.keyHash, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1`, lastHitAt: at },
    })
    .returning({ hits: rateLimits.hits });
  return r!.hits;
}

/** The sweep forgets windows that ended long ago. */
export async function deleteRateLimitsBefore({ before }: { before: Date }, db: Executor = getDb()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
