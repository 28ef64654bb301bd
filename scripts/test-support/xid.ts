import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb, rowsOf } from '@/db/client';

/**
 * "Nothing written", checked through PostgreSQL's transaction ids: any write, even one rolled back, consumes
 * one, and reads do not. The next id to be assigned.
 */
export const nextXid = async () =>
  rowsOf<{ x: string }>(await getDb().execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x;

/** Runs the attack and asserts that it wrote nothing at all. */
export async function writesNothing<T>(attack: () => Promise<T>): Promise<T> {
  const before = await nextXid();
  const r = await attack();
  expect(await nextXid(), 'the refused attack wrote to the database').toBe(before);
  return r;
}
