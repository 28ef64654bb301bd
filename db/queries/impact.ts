import 'server-only';
import { desc, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { programmeTargets, salesLedger } from '../schema';

/**
 * Counted sales toward the programme target: the sum of counted ledger rows (sales minus refunds of
 * certified lines). It is 0 until paid orders exist. The full accounting rule is lib/domain/target-accounting.
 */
export async function getTargetProgress(): Promise<{ targetFen: bigint; countedFen: bigint; year: number | null }> {
  const db = getDb();
  const [target] = await db.select().from(programmeTargets).orderBy(desc(programmeTargets.year)).limit(1);
  const [sum] = await db
    .select({ counted: sql<string>`coalesce(sum(${salesLedger.amountFen}) filter (where ${salesLedger.counted}), 0)::text` })
    .from(salesLedger);
  return {
    targetFen: target?.targetFen ?? 4_000_000_000n,
    countedFen: BigInt(sum?.counted ?? '0'),
    year: target?.year ?? null,
  };
}
