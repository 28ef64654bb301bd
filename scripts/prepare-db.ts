import { closeDb, dbKind, getDb } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { ensureLocalSecrets, getEnv, shouldSeedDemo } from '@/lib/env';

/** Migrates, then seeds the demo data where that is wanted. Run before `next build` and `next start`. */
export async function prepareDatabase(): Promise<void> {
  ensureLocalSecrets();
  const env = getEnv();
  const t0 = performance.now();
  await runMigrations();
  const seeded = shouldSeedDemo(env);
  if (seeded) await seedDemoData(getDb());
  await closeDb();
  const ms = Math.round(performance.now() - t0);
  console.log(`[db] ${dbKind()}: migrated${seeded ? ' and seeded demo data' : ''} in ${ms} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
