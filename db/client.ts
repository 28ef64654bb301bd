import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getEnv } from '@/lib/env';
import { preparing } from './prepared-statements';
import * as schema from './schema';

/**
 * The one database client. PGlite (file-backed in PGLITE_DIR) when DATABASE_URL is unset,
 * postgres.js when it is set. Nothing else in the app knows which one it talks to. Its settings come from
 * lib/env.ts (the one module of lib/ that db/ imports).
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type DbKind = 'pglite' | 'postgres';
/** A transaction opened by a service (db/tx.ts `transaction`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Where a query runs: the pool, or the caller's transaction. Queries take it as their second parameter. */
export type Executor = Db | Tx;

type Handle = { db: Db; kind: DbKind; close: () => Promise<void> };

const holder = globalThis as typeof globalThis & { __gejiuDb?: Handle };

function openPglite(): Handle {
  let dir = getEnv().PGLITE_DIR;
  if (dir !== 'memory://') {
    mkdirSync(dir, { recursive: true });
    // `next build` prerenders in worker processes. PGlite allows one process per data directory,
    // so each build worker reads its own snapshot of the (already migrated and seeded) database.
    const snapshots = getEnv().GEJIU_DB_SNAPSHOT;
    if (snapshots) {
      // Under the build's own directory, which scripts/build.ts removes when the build ends.
      const copy = mkdtempSync(join(snapshots, 'worker-'));
      cpSync(dir, copy, { recursive: true });
      dir = copy;
    }
  }
  const client = new PGlite(dir === 'memory://' ? undefined : dir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: 'pglite', close: () => client.close() };
}

function openPostgres(url: string): Handle {
  const client = postgres(url, {
    max: getEnv().DATABASE_POOL_SIZE,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
  });
  // drizzle's queries run as named statements, one round trip each (db/prepared-statements.ts).
  const db = drizzlePostgres({ client: preparing(client), schema });
  return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
}

function handle(): Handle {
  if (!holder.__gejiuDb) {
    const url = getEnv().DATABASE_URL;
    holder.__gejiuDb = url ? openPostgres(url) : openPglite();
  }
  return holder.__gejiuDb;
}

export function getDb(): Db {
  return handle().db;
}

export function dbKind(): DbKind {
  return getEnv().dbKind;
}

export async function closeDb(): Promise<void> {
  const h = holder.__gejiuDb;
  holder.__gejiuDb = undefined;
  if (h) await h.close();
}

/** Rows of a raw `db.execute(sql...)` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
