import type { SQL } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { closeDb, getDb, rowsOf } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';

/** Migrates and seeds this test file's database (PGlite in memory, or a fresh PostgreSQL database). */
export function useSeededDatabase(now: number = Date.now()): void {
  beforeAll(async () => {
    await runMigrations();
    await seedDemoData(getDb(), now);
  });
  afterAll(async () => {
    await closeDb();
  });
}

/** The first row a query returns (a test's own SQL: its fixtures and its checks). */
export async function one<T>(q: SQL): Promise<T> {
  return rowsOf<T>(await getDb().execute(q))[0]!;
}
