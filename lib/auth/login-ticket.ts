import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/**
 * The login route checks the password (once, with rate limiting) and then hands Auth.js a short-lived
 * ticket signed with AUTH_SECRET, so that Auth.js's credentials callback never sees a password.
 */
const TTL_MS = 60_000;

function sign(payload: string): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return createHmac('sha256', secret).update(`login-ticket:${payload}`).digest('base64url');
}

export function issueLoginTicket(userId: string, now = Date.now()): string {
  const payload = `${userId}.${now}`;
  return `${payload}.${sign(payload)}`;
}

export function verifyLoginTicket(ticket: string, now = Date.now()): string | null {
  const parts = ticket.split('.');
  if (parts.length !== 3) return null;
  const [userId, ts, mac] = parts as [string, string, string];
  const expected = sign(`${userId}.${ts}`);
  const a = Buffer.from(mac);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const age = now - Number(ts);
  if (!Number.isFinite(age) || age < 0 || age > TTL_MS) return null;
  return userId;
}
