import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { one, useSeededDatabase } from '@/scripts/test-support/database';
import { address } from '@/scripts/test-support/orders';
import { request, session } from './request';

/** The abuse tests' world (lib/actions/abuse*.test.ts). They run in the db-postgres project only. */
export const onPostgres = !!process.env.DATABASE_URL;

/**
 * "Nothing written" is checked through transaction ids (scripts/test-support/xid.ts), and those are counted
 * per cluster: the attacks run on a cluster of their own (the system tests' throwaway cluster, which is idle
 * while vitest runs), in a database of their own, seeded, with autovacuum off for its tables. On PGlite the
 * database is only seeded.
 */
export function useIdleCluster(): void {
  const PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
  let privateDb: { admin: ReturnType<typeof postgres>; name: string } | null = null;

  beforeAll(async () => {
    if (!onPostgres) return;
    const r = spawnSync(
      'bash',
      ['scripts/pg-throwaway.sh', `/tmp/gejiu-system-pg${PORT_OFFSET || ''}`, String(54351 + PORT_OFFSET)],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`pg-throwaway failed: ${r.stderr}`);
    const base = r.stdout.trim();
    const name = `gejiu_abuse_${Date.now().toString(36)}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    privateDb = { admin, name };
    const url = new URL(base);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    const { ensureLocalSecrets } = await import('@/lib/env');
    ensureLocalSecrets(); // forgets the parsed environment: the new DATABASE_URL applies
  }, 120_000);
  useSeededDatabase();
  beforeAll(async () => {
    if (!onPostgres) return;
    const tables = rowsOf<{ t: string }>(
      await getDb().execute(sql`select tablename as t from pg_tables where schemaname = 'public'`),
    );
    for (const { t } of tables) await getDb().execute(sql.raw(`alter table "${t}" set (autovacuum_enabled = false)`));
    await getDb().execute(sql`analyze`);
  }, 120_000);
  afterAll(async () => {
    if (!privateDb) return;
    const { closeDb } = await import('@/db/client');
    await closeDb();
    await privateDb.admin.unsafe(`drop database if exists ${privateDb.name} with (force)`);
    await privateDb.admin.end({ timeout: 5 });
  });
}

/**
 * Limits count in fixed windows (a minute, 15 minutes, an hour). The clock is pinned just after the start of
 * an hour in the future, so that no attack straddles a window's end (and the database's now() stays before
 * every expiry computed from it). Call inside the describe.
 */
export function usePinnedClock(): void {
  const pinned = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 60_000;
  beforeAll(() => void vi.useFakeTimers({ toFake: ['Date'], now: pinned }));
  afterAll(() => void vi.useRealTimers());
}

/** Signs the seeded account in, as its browser would be (the Auth.js session, and its cookie in the jar). */
export async function signInAs(email: string): Promise<string> {
  const u = await one<{ id: string; v: number }>(
    sql`select id, session_version as v from users where email = ${email}`,
  );
  session.current = { user: { id: u.id }, sessionVersion: u.v };
  // The session cookie's presence is what makes lib/auth/session.ts ask Auth.js (mocked).
  request.jar.set('authjs.session-token', 'signed-in');
  return u.id;
}

/** A guest's order of one banana box, placed directly (no client address: no limits involved). */
export async function guestOrder(name: string, mobile: string) {
  const { placeOrder } = await import('@/lib/orders/place-order');
  return placeOrder({
    items: [{ slug: 'manhao-bananas', quantity: 1 }],
    contact: { name, mobile },
    shippingAddress: address,
    paymentMethod: 'simulated',
    userId: null,
    timeoutMinutes: 30,
  });
}

export type Result = { ok: boolean; code?: string; error?: string; data?: Record<string, string> };
/** Calls an action; a redirect (how some succeed) counts as success. */
export async function act(fn: (p: null, i: unknown) => Promise<Result>, input: unknown): Promise<Result> {
  try {
    return await fn(null, input);
  } catch (e) {
    if (String((e as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) return { ok: true };
    throw e;
  }
}
