import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * Points this process at a fresh database before the db modules load: a new database on the server in
 * DATABASE_URL (dropped by the returned function), or PGlite in memory.
 */
export async function useFreshDatabase(): Promise<() => Promise<void>> {
  if (!process.env.DATABASE_URL) {
    process.env.PGLITE_DIR = 'memory://';
    return async () => {};
  }
  const name = `gejiu_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  return async () => {
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  };
}
