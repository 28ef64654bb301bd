import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBuildStamp } from './build-stamp';
import { prepareDatabase } from './prepare-db';

/**
 * `next build` reads the catalog while prerendering, so the database is migrated and seeded first.
 * With PGlite each build worker opens its own snapshot of the data directory (db/client.ts).
 */
export async function buildApp(): Promise<void> {
  await prepareDatabase();
  // The workers' copies of the database (about 40 MB each) go here and go with it, whatever the outcome.
  const snapshots = mkdtempSync(join(tmpdir(), 'gejiu-build-db-'));
  try {
    const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, GEJIU_DB_SNAPSHOT: snapshots, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (r.status !== 0) throw new Error(`next build failed with exit code ${r.status}`);
  } finally {
    rmSync(snapshots, { recursive: true, force: true });
  }
  writeBuildStamp();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
