import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/env';

/** DATABASE_URL, the PostgreSQL server a benchmark needs; without it the benchmark says so and exits. */
export function requirePostgres(script: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`${script} needs DATABASE_URL (a PostgreSQL server); scripts/pg-throwaway.sh starts one.`);
    process.exit(1);
  }
  return url;
}

/** A new, empty database on the server at `serverUrl`: its URL, and the function that drops it. */
export async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `gejiu_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Points this process at a fresh database before the db modules load: a new database on the server in
 * DATABASE_URL (dropped by the returned function), or PGlite in memory.
 */
export async function useFreshDatabase(): Promise<() => Promise<void>> {
  if (!process.env.DATABASE_URL) {
    process.env.PGLITE_DIR = 'memory://';
    return async () => {};
  }
  const fresh = await createDatabase(process.env.DATABASE_URL);
  process.env.DATABASE_URL = fresh.url;
  return fresh.drop;
}

/**
 * A fresh database (as useFreshDatabase) migrated and holding the demo seed, for the benchmarks that call
 * the app's modules in this process; `done` closes the client and drops the database. The app's other
 * modules are imported after this resolves (they read the database settings when they load).
 */
export async function useSeededDatabase() {
  ensureLocalSecrets(); // the demo seed encrypts personal data
  const drop = await useFreshDatabase();
  const { getDb, closeDb, rowsOf } = await import('@/db/client');
  const { runMigrations } = await import('@/db/migrate');
  const { seedDemoData } = await import('@/db/seed');
  await runMigrations();
  await seedDemoData(getDb());
  return {
    getDb,
    rowsOf,
    done: async () => {
      await closeDb();
      await drop();
    },
  };
}
