import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelaySeconds, limitsFor, verdict, waitMessage, windowStart, type BackoffLimit } from './rate-limits';

const limits = limitsFor({ loginFailuresPer15Min: 5, ordersPerMinute: 60 });
const at = (iso: string) => new Date(iso);

describe('window limits', () => {
  it('allow `limit` hits per window, then refuse until the window ends', () => {
    const now = at('2026-11-29T08:00:45Z');
    expect(verdict(limits.lookupAddress, { hits: 9, lastHitAt: now }, now)).toEqual({ allowed: true });
    expect(verdict(limits.lookupAddress, { hits: 10, lastHitAt: now }, now)).toEqual({
      allowed: false,
      retryAfterSeconds: 15,
    });
    expect(verdict(limits.lookupAddress, null, now)).toEqual({ allowed: true });
  });

  it('windows are aligned and contain the instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2020-01-01T00:00:00Z'), max: at('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(60, 600, 900, 3600),
        (d, w) => {
          const s = windowStart(d, w);
          expect(s.getTime() % (w * 1000)).toBe(0);
          expect(d.getTime() - s.getTime()).toBeGreaterThanOrEqual(0);
          expect(d.getTime() - s.getTime()).toBeLessThan(w * 1000);
        },
      ),
    );
  });
});

describe('backoff limits (failed logins)', () => {
  const account = limits.loginAccount as BackoffLimit;

  it('free failures, then delays that double up to the cap: never a lock for the whole window', () => {
    expect([4, 5, 6, 7, 8, 20].map((n) => backoffDelaySeconds(n, account))).toEqual([0, 30, 60, 120, 240, 300]);
    const last = at('2026-11-29T08:00:00Z');
    expect(verdict(account, { hits: 6, lastHitAt: last }, at('2026-11-29T08:00:01Z'))).toEqual({
      allowed: false,
      retryAfterSeconds: 59,
    });
    expect(verdict(account, { hits: 6, lastHitAt: last }, at('2026-11-29T08:01:00Z'))).toEqual({ allowed: true });
    expect(verdict(account, { hits: 4, lastHitAt: last }, at('2026-11-29T08:00:00Z'))).toEqual({ allowed: true });
    // However many failures, the owner waits at most the cap after the last one.
    expect(verdict(account, { hits: 500, lastHitAt: last }, at('2026-11-29T08:05:00Z'))).toEqual({ allowed: true });
  });

  it('the delay never decreases with more failures and never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (n) => {
        expect(backoffDelaySeconds(n + 1, account)).toBeGreaterThanOrEqual(backoffDelaySeconds(n, account));
        expect(backoffDelaySeconds(n, account)).toBeLessThanOrEqual(account.maxDelaySeconds);
      }),
    );
  });
});

describe('messages', () => {
  it('say how long to wait, in Chinese', () => {
    expect(waitMessage('查询过于频繁', 15)).toBe('查询过于频繁，请 15 秒后再试');
    expect(waitMessage('注册过于频繁', 3599)).toBe('注册过于频繁，请 60 分钟后再试');
  });
});
