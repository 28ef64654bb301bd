import 'server-only';
import { sql } from 'drizzle-orm';
import { benefitFigures, type BenefitFigures, type PayoutSumRow, type SupplierPaid } from '@/domain/benefit';
import { getDb, rowsOf, type Executor } from '../client';

export type RecordedBenefit = Omit<BenefitFigures, 'bySupplier'> & { bySupplier: (SupplierPaid & { name: string })[] };

/**
 * The recorded 带贫成效 figures of a period (China dates, both included): verified payouts only,
 * summed per household, supplier and channel in one statement, then domain/benefit's benefitFigures.
 */
export async function getBenefitFigures(
  { fromDay, toDay }: { fromDay: string; toDay: string },
  tx: Executor = getDb(),
): Promise<RecordedBenefit> {
  const rows = rowsOf<{
    household_id: number;
    supplier_id: number;
    supplier_name: string;
    category: string;
    channel: string;
    fen: string;
  }>(
    await tx.execute(sql`
      select p.household_id, p.supplier_id, s.name as supplier_name, h.category::text, p.channel::text, p.fen::text
      from (select household_id, supplier_id, channel, sum(amount_fen) as fen from payouts
            where status = 'verified' and paid_on >= ${fromDay}::date and paid_on <= ${toDay}::date
            group by 1, 2, 3) p
      join households h on h.id = p.household_id join suppliers s on s.id = p.supplier_id`),
  );
  const names = new Map(rows.map((r) => [Number(r.supplier_id), r.supplier_name]));
  const f = benefitFigures(
    rows.map((r): PayoutSumRow => ({
      householdId: Number(r.household_id),
      supplierId: Number(r.supplier_id),
      category: r.category as PayoutSumRow['category'],
      channel: r.channel as PayoutSumRow['channel'],
      paidFen: BigInt(r.fen),
    })),
  );
  return { ...f, bySupplier: f.bySupplier.map((s) => ({ ...s, name: names.get(s.supplierId) ?? '' })) };
}

/** The figures of a programme year (China-time calendar year). */
export function getYearBenefitFigures({ year }: { year: number }, tx: Executor = getDb()): Promise<RecordedBenefit> {
  return getBenefitFigures({ fromDay: `${year}-01-01`, toDay: `${year}-12-31` }, tx);
}
