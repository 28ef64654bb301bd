/**
 * Rate limits (lib/security/rate-limit.ts keeps the counters in PostgreSQL, shared by every instance).
 * Two kinds:
 * - `window`: at most `limit` hits per fixed window; the next one is refused until the window ends.
 * - `backoff` (failed logins): `free` failures per window, then each further try must wait twice as long
 *   as the one before (30 s, 1 min, 2 min … up to `maxDelaySeconds`) after the last failure. The owner of
 *   an account under attack waits at most that long; nobody is locked out for the whole window.
 * A refusal never counts as a hit, so a refused request writes nothing.
 */
export type WindowLimit = { kind: 'window'; limit: number; windowSeconds: number; message: string };
export type BackoffLimit = {
  kind: 'backoff';
  free: number;
  windowSeconds: number;
  maxDelaySeconds: number;
  message: string;
};
export type Limit = WindowLimit | BackoffLimit;
export type LimitState = { hits: number; lastHitAt: Date } | null;
export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Every limit the store applies. `login`/`orders` numbers come from RATE_LIMIT_LOGIN_PER_15_MIN / RATE_LIMIT_ORDERS_PER_MINUTE. */
export function limitsFor(env: { loginFailuresPer15Min: number; ordersPerMinute: number }) {
  return {
    /** Failed logins (and wrong current passwords) per account. */
    loginAccount: {
      kind: 'backoff',
      free: env.loginFailuresPer15Min,
      windowSeconds: 900,
      maxDelaySeconds: 300,
      message: '登录失败次数过多',
    },
    /** Failed logins per client address. */
    loginAddress: {
      kind: 'backoff',
      free: env.loginFailuresPer15Min,
      windowSeconds: 900,
      maxDelaySeconds: 900,
      message: '登录失败次数过多',
    },
    /** Registration attempts (buyers and units) per client address. */
    register: { kind: 'window', limit: 10, windowSeconds: 3600, message: '注册过于频繁' },
    /** Guest order lookups per client address. */
    lookupAddress: { kind: 'window', limit: 10, windowSeconds: 60, message: '查询过于频繁' },
    /** Wrong mobile numbers per order number: then that order's lookup is closed for the hour. */
    lookupOrder: { kind: 'window', limit: 5, windowSeconds: 3600, message: '该订单查询错误次数过多' },
    /** Orders placed (web checkout and POST /api/v1/orders) per client address. */
    orders: { kind: 'window', limit: env.ordersPerMinute, windowSeconds: 60, message: '下单过于频繁' },
    /** Accepted uploads (photos, certificate scans, spreadsheets) per account; refused files are cheap and not counted. */
    uploads: { kind: 'window', limit: 30, windowSeconds: 600, message: '上传过于频繁' },
  } satisfies Record<string, Limit>;
}
export type LimitName = keyof ReturnType<typeof limitsFor>;

/** The start of the fixed window that contains `now`. */
export function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

const FIRST_DELAY_SECONDS = 30;

/** The wait after the n-th failure of a backoff limit (0 while failures are still free). */
export function backoffDelaySeconds(failures: number, limit: BackoffLimit): number {
  if (failures < limit.free) return 0;
  return Math.min(limit.maxDelaySeconds, FIRST_DELAY_SECONDS * 2 ** Math.min(20, failures - limit.free));
}

/** Whether one more hit is allowed now, given this window's state. */
export function verdict(limit: Limit, state: LimitState, now: Date): Verdict {
  const hits = state?.hits ?? 0;
  if (limit.kind === 'window') {
    if (hits < limit.limit) return { allowed: true };
    const end = windowStart(now, limit.windowSeconds).getTime() + limit.windowSeconds * 1000;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((end - now.getTime()) / 1000)) };
  }
  const delay = backoffDelaySeconds(hits, limit);
  if (!state || delay === 0) return { allowed: true };
  const wait = Math.ceil((state.lastHitAt.getTime() + delay * 1000 - now.getTime()) / 1000);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/** `请 2 分钟后再试` / `请 20 秒后再试`. */
export function waitMessage(base: string, retryAfterSeconds: number): string {
  const wait = retryAfterSeconds >= 60 ? `${Math.ceil(retryAfterSeconds / 60)} 分钟` : `${retryAfterSeconds} 秒`;
  return `${base}，请 ${wait}后再试`;
}
