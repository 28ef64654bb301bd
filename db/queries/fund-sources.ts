import 'server-only';
import { sql } from 'drizzle-orm';
import { FUND_SOURCES, type FundSource } from '@/domain/fund-source';
import { chinaYearBounds } from '@/domain/time';
import { getDb, rowsOf, type Executor } from '../client';

/** 经费来源: what the union rules read inside the submission transaction, and the purchases by source. */

/** Each product's catalog category (slug and name), for the excluded-category rule. */
export async function productCategories(
  { productIds }: { productIds: number[] },
  tx: Executor,
): Promise<Map<number, { slug: string; name: string }>> {
  if (!productIds.length) return new Map();
  const rows = rowsOf<{ id: number; slug: string; name: string }>(
    await tx.execute(sql`
      select p.id, c.slug, c.name from products p join categories c on c.id = p.category_id
      where p.id in (${sql.join(
        productIds.map((id) => sql`${id}`),
        sql`, `,
      )})`),
  );
  return new Map(rows.map((r) => [Number(r.id), { slug: r.slug, name: r.name }]));
}

/**
 * Locks the unit's row for a union order and counts its active members: two union orders of one unit
 * submitted at once are checked one after the other, each seeing the other's share.
 */
export async function lockUnitForUnionOrder({ unitId }: { unitId: string }, tx: Executor): Promise<number> {
  await tx.execute(sql`select 1 from units where id = ${unitId} for update`);
  const [r] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int as n from unit_members m join users u on u.id = m.user_id
      where m.unit_id = ${unitId} and u.active`),
  );
  return Number(r?.n ?? 0);
}

/**
 * The per-head shares of the unit's union orders placed in a China-time year that still stand (not
 * cancelled, expired or refunded): each order's total over the heads it was divided by, rounded up.
 */
export async function unionPerHeadInYear({ unitId, year }: { unitId: string; year: number }, tx: Executor) {
  const { from, to } = chinaYearBounds(year);
  const [r] = rowsOf<{ s: string }>(
    await tx.execute(sql`
      select coalesce(sum((total_fen + fund_heads - 1) / fund_heads), 0)::text as s from orders
      where unit_id = ${unitId} and fund_source = 'union' and fund_heads is not null
        and status::text not in ('cancelled', 'expired', 'refunded')
        and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz`),
  );
  return BigInt(r?.s ?? '0');
}

export type FundSourceTotals = Record<FundSource, bigint>;

/** Paid purchases (net of refunds, the ledger) in a China-time year by fund source: one unit's, or every unit's. */
export async function purchasesByFundSource({
  year,
  unitId,
}: {
  year: number;
  unitId?: string;
}): Promise<FundSourceTotals> {
  const { from, to } = chinaYearBounds(year);
  const rows = rowsOf<{ source: FundSource | null; s: string }>(
    await getDb().execute(sql`
      select o.fund_source as source, sum(l.amount_fen)::text as s
      from sales_ledger l join orders o on o.id = l.order_id
      where l.unit_id is not null ${unitId ? sql`and l.unit_id = ${unitId}` : sql``}
        and l.occurred_at >= ${from.toISOString()}::timestamptz and l.occurred_at < ${to.toISOString()}::timestamptz
      group by o.fund_source`),
  );
  const out = Object.fromEntries(FUND_SOURCES.map((f) => [f, 0n])) as FundSourceTotals;
  // Unit orders from before fund sources were recorded count as canteen money (migration 0017).
  for (const r of rows) out[r.source ?? 'canteen'] += BigInt(r.s);
  return out;
}
