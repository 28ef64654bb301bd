import { afterAll, beforeAll } from 'vitest';
import { closeDb, getDb } from '@/db/client';
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
