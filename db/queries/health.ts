import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';

/** Throws when the database does not answer. */
export async function pingDatabase(): Promise<void> {
  await getDb().execute(sql`select 1`);
}
