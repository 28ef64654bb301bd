import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll } from 'vitest';

/**
 * Gives each integration test file its own database on the PostgreSQL server in DATABASE_URL,
 * so files run in parallel without seeing each other's rows. Dropped afterwards.
 */
const base = process.env.DATABASE_URL;
if (!base) throw new Error('DATABASE_URL must be set for the db-postgres project');
const name = `gejiu_test_${randomBytes(6).toString('hex')}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();

afterAll(async () => {
  const { closeDb } = await import('@/db/client');
  await closeDb();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 5 });
});
