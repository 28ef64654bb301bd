import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { getEnv } from '@/lib/env';
import { dbKind, getDb } from './client';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies committed drizzle-kit migrations. Safe to run from several instances at once. */
export async function runMigrations(): Promise<void> {
  if (dbKind() === 'pglite') {
    await migratePglite(getDb() as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // One connection holding an advisory lock, so two instances starting together migrate once.
  const client = postgres(getEnv().DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(424242)`;
    await migratePostgres(drizzle({ client }), { migrationsFolder });
    await client`select pg_advisory_unlock(424242)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
