import 'server-only';
import { bumpRateLimit, deleteRateLimitsBefore, readRateLimit } from '@/db/queries/rate-limits';
import { limitsFor, verdict, waitMessage, windowStart, type LimitName } from '@/domain/rate-limits';
import { lookupHash } from '@/lib/crypto/pii';
import { getEnv } from '@/lib/env';
import { RateLimitError } from '@/lib/errors';

/**
 * The one rate-limit module. Counters live in PostgreSQL (`rate_limits`), so every app instance shares
 * them; the rules are domain/rate-limits.ts. Keys (client addresses, order numbers, login names) are
 * stored as keyed hashes. A refusal is a RateLimitError: 429 with `Retry-After` from the route wrapper,
 * `rate_limited` with the wait in its Chinese message from the action wrapper. Refusals write nothing.
 *
 * - `assertAllowed` checks (read only), for limits counted elsewhere (a failed login is counted after the
 *   password check; a wrong mobile after the lookup).
 * - `consume` checks and counts one hit.
 * - `recordHit` counts one hit without a check (the failure that was just seen).
 */
export type { LimitName };

function limit(name: LimitName) {
  const env = getEnv();
  return limitsFor({
    loginFailuresPer15Min: env.RATE_LIMIT_LOGIN_PER_15_MIN,
    ordersPerMinute: env.RATE_LIMIT_ORDERS_PER_MINUTE,
  })[name];
}

function slot(name: LimitName, key: string, now: Date) {
  const l = limit(name);
  return { l, keyHash: lookupHash(`rate:${name}:${key}`), windowStart: windowStart(now, l.windowSeconds) };
}

export async function assertAllowed(name: LimitName, key: string, now = new Date()): Promise<void> {
  const { l, ...where } = slot(name, key, now);
  const v = verdict(l, await readRateLimit(where), now);
  if (!v.allowed) throw new RateLimitError(waitMessage(l.message, v.retryAfterSeconds), v.retryAfterSeconds);
}

export async function consume(name: LimitName, key: string, now = new Date()): Promise<void> {
  await assertAllowed(name, key, now);
  const { l, ...where } = slot(name, key, now);
  // Two requests at once may both pass the read; the counter itself decides which one is over.
  const hits = await bumpRateLimit({ ...where, at: now });
  if (l.kind === 'window' && hits > l.limit) {
    const v = verdict(l, { hits, lastHitAt: now }, now);
    const wait = v.allowed ? 1 : v.retryAfterSeconds;
    throw new RateLimitError(waitMessage(l.message, wait), wait);
  }
}

/** Returns the window's new count. */
export async function recordHit(name: LimitName, key: string, now = new Date()): Promise<number> {
  const { keyHash, windowStart } = slot(name, key, now);
  return bumpRateLimit({ keyHash, windowStart, at: now });
}

/** Windows that ended more than a day ago (the sweep). */
export async function forgetOldWindows(now = new Date()): Promise<void> {
  await deleteRateLimitsBefore({ before: new Date(now.getTime() - 86_400_000) });
}
