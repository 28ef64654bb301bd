import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';

/**
 * "Nothing written", checked through PostgreSQL's transaction ids: any write, even one rolled back, consumes
 * one, and reads do not. The next id to be assigned.
 */
export const nextXid = async () =>
  rowsOf<{ x: string }>(await getDb().execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x;

