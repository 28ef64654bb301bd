import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '../client';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Adds just-written ledger rows to the impact rollups, in the caller's transaction (the SQL function
 * gj_roll_up, migration 0008). Whatever commits the ledger commits the rollups with it.
 */
export async function rollUp(tx: Tx, ledgerIds: string[]): Promise<void> {
  if (!ledgerIds.length) return;
  await tx.execute(sql`select gj_roll_up(${`{${ledgerIds.join(',')}}`}::bigint[])`);
}
