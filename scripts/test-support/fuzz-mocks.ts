import { sql } from 'drizzle-orm';
import { vi } from 'vitest';
import { one, useSeededDatabase } from './database';
import { usePaymentProviders } from './payment-providers';

/**
 * What the fuzz files (lib/actions/fuzz.test.ts, lib/actions/fuzz-routes.test.ts) put in place of the
 * session, Auth.js and the request headers, and the world they run in (useFuzzWorld). vi.mock must be
 * called in the test file itself:
 *   vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/fuzz-mocks')).sessionModule);
 * and `session.userId` is then who the next call is made as (null: no one).
 */
export const session = { userId: null as string | null };
export const sessionModule = { getSessionUserId: async () => session.userId };
export const authModule = { auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) };
export const headersModule = {
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.77' }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
};

/**
 * The seeded database, no order rate limit (the fuzzer places thousands), and every payment provider
 * configured (Alipay and WeChat Pay with local keys, the simulator), so that whatever the fuzzer gets right
 * runs as far as it would in the store.
 */
export async function useFuzzWorld() {
  vi.stubEnv('RATE_LIMIT_ORDERS_PER_MINUTE', '100000000');
  const providers = await usePaymentProviders();
  useSeededDatabase();
  return providers;
}

/** A refusal's message: Chinese, never an internal one. */
export const chinese = /[\u4e00-\u9fff]/;

/** No one, then each seeded role: the office, a workshop, a unit buyer, its approver, a public buyer. */
export async function fuzzActors(): Promise<(string | null)[]> {
  const ids: (string | null)[] = [null];
  for (const email of [
    'admin@example.com',
    'workshop@example.com',
    'unit@example.com',
    'approver@example.com',
    'buyer@example.com',
  ]) {
    ids.push((await one<{ id: string }>(sql`select id from users where email = ${email}`)).id);
  }
  return ids;
}
