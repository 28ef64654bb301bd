import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '../client';

/**
 * Reads of the monthly 通报 (issue 17). Sales come from the ledger by the same rule as the dashboard
 * (counted lines, dated by payment or refund, China time): the month and the year to its end, per
 * dimension, in one statement with grouping sets.
 */

export const REPORT_DIMS = ['total', 'channel', 'round', 'department', 'township', 'supplier'] as const;
export type ReportDim = (typeof REPORT_DIMS)[number];

export type SalesGroup = { dim: ReportDim; key: string; label: string; monthFen: bigint; cumulativeFen: bigint };

/**
 * Counted sales per group: `monthFen` in [monthFrom, to), `cumulativeFen` in [yearFrom, to). A unit's
 * department is its supervising unit, or the unit itself (as on the dashboard).
 */
export async function monthlySales(p: { yearFrom: Date; monthFrom: Date; to: Date }): Promise<SalesGroup[]> {
  const rows = rowsOf<GroupingRow & { month_fen: string; cumulative_fen: string }>(
    await getDb().execute(sql`
      with l as (
        select l.amount_fen, l.occurred_at, l.channel::text as channel, l.round_id::text as round,
               coalesce(u.parent_unit_id, u.id)::text as department, l.township_slug as township,
               l.supplier_id::text as supplier
        from sales_ledger l left join units u on u.id = l.unit_id
        where l.counted and l.occurred_at >= ${p.yearFrom.toISOString()}::timestamptz
          and l.occurred_at < ${p.to.toISOString()}::timestamptz
      )
      select channel, round, department, township, supplier,
             grouping(channel, round, department, township, supplier)::int as g,
             coalesce(sum(amount_fen) filter (where occurred_at >= ${p.monthFrom.toISOString()}::timestamptz), 0)::text as month_fen,
             coalesce(sum(amount_fen), 0)::text as cumulative_fen
      from l
      group by grouping sets ((), (channel), (round), (department), (township), (supplier))`),
  );
  const labels = await groupLabels();
  const out: SalesGroup[] = [];
  for (const r of rows) {
    const [dim, key] = dimOf(r);
    // Sales outside rounds or units have no round or department: they are not a group of those.
    if (key === null) continue;
    out.push({
      dim,
      key,
      label: dim === 'total' ? '合计' : (labels.get(`${dim}:${key}`) ?? key),
      monthFen: BigInt(r.month_fen),
      cumulativeFen: BigInt(r.cumulative_fen),
    });
  }
  return out;
}

type GroupingRow = {
  channel: string | null;
  round: string | null;
  department: string | null;
  township: string | null;
  supplier: string | null;
  /** grouping(channel, round, department, township, supplier). */
  g: number;
};

function dimOf(r: GroupingRow): [ReportDim, string | null] {
  // grouping() has a bit per argument, 1 when the column is aggregated away: 31 is the grand total.
  switch (r.g) {
    case 31:
      return ['total', ''];
    case 15:
      return ['channel', r.channel];
    case 23:
      return ['round', r.round];
    case 27:
      return ['department', r.department];
    case 29:
      return ['township', r.township];
    default:
      return ['supplier', r.supplier];
  }
}

async function groupLabels(): Promise<Map<string, string>> {
  const rows = rowsOf<{ dim: string; key: string; label: string }>(
    await getDb().execute(sql`
      select 'township' as dim, slug as key, name as label from townships
      union all select 'supplier', id::text, name from suppliers
      union all select 'round', id::text, name from promotion_rounds
      union all select 'department', id::text, name from units`),
  );
  return new Map(rows.map((r) => [`${r.dim}:${r.key}`, r.label]));
}

/** Certificates approved in [from, to), and certificates whose last valid day fell in [firstDay − 1, lastDay − 1]. */
export async function monthlyCertifications(p: { from: Date; to: Date; expiredFrom: string; expiredTo: string }) {
  const rows = rowsOf<{
    kind: 'certified' | 'expired';
    certificate_no: string;
    product_name: string;
    slug: string;
    supplier_name: string;
    day: string;
  }>(
    await getDb().execute(sql`
      select 'certified' as kind, c.certificate_no, p.name as product_name, p.slug, s.name as supplier_name,
             c.issued_on::text as day
      from certifications c join products p on p.id = c.product_id join suppliers s on s.id = p.supplier_id
      where c.status in ('approved', 'expired') and c.reviewed_at >= ${p.from.toISOString()}::timestamptz
        and c.reviewed_at < ${p.to.toISOString()}::timestamptz
      union all
      select 'expired', c.certificate_no, p.name, p.slug, s.name, c.expires_on::text
      from certifications c join products p on p.id = c.product_id join suppliers s on s.id = p.supplier_id
      where c.status in ('approved', 'expired') and c.expires_on >= ${p.expiredFrom}::date
        and c.expires_on <= ${p.expiredTo}::date
      order by 1, 6, 2`),
  );
  const pick = (kind: 'certified' | 'expired') =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => ({
        certificateNo: r.certificate_no,
        productName: r.product_name,
        slug: r.slug,
        supplierName: r.supplier_name,
        day: r.day.slice(0, 10),
      }));
  return { certified: pick('certified'), expired: pick('expired') };
}

/**
 * Suppliers with counted sales in [from, to) but no payout recorded (awaiting, submitted or verified)
 * dated in [fromDay, toDay], with their sales and their last payout date, if any.
 */
export async function suppliersWithoutPayouts(p: { from: Date; to: Date; fromDay: string; toDay: string }) {
  const rows = rowsOf<{ id: number; name: string; sales_fen: string; last_paid_on: string | null }>(
    await getDb().execute(sql`
      select s.id, s.name, sum(l.amount_fen)::text as sales_fen,
             (select max(p.paid_on)::text from payouts p
               where p.supplier_id = s.id and p.status in ('awaiting_confirmation', 'submitted', 'verified')
                 and p.paid_on <= ${p.toDay}::date) as last_paid_on
      from sales_ledger l join suppliers s on s.id = l.supplier_id
      where l.counted and l.occurred_at >= ${p.from.toISOString()}::timestamptz
        and l.occurred_at < ${p.to.toISOString()}::timestamptz
        and not exists (select 1 from payouts p where p.supplier_id = s.id
          and p.status in ('awaiting_confirmation', 'submitted', 'verified')
          and p.paid_on >= ${p.fromDay}::date and p.paid_on <= ${p.toDay}::date)
      group by s.id, s.name
      having sum(l.amount_fen) > 0
      order by sum(l.amount_fen) desc, s.name`),
  );
  return rows.map((r) => ({
    supplierId: Number(r.id),
    name: r.name,
    salesFen: BigInt(r.sales_fen),
    lastPaidOn: r.last_paid_on ? r.last_paid_on.slice(0, 10) : null,
  }));
}

/** Payouts recorded for a period but not verified yet (submitted or awaiting confirmation): count and amount. */
export async function pendingPayouts({ fromDay, toDay }: { fromDay: string; toDay: string }) {
  const [r] = rowsOf<{ n: number; fen: string }>(
    await getDb().execute(sql`
      select count(*)::int as n, coalesce(sum(amount_fen), 0)::text as fen from payouts
      where status in ('awaiting_confirmation', 'submitted') and paid_on >= ${fromDay}::date and paid_on <= ${toDay}::date`),
  );
  return { count: r?.n ?? 0, amountFen: BigInt(r?.fen ?? '0') };
}

/** The target set for a programme year, or null (the report then uses the default ¥40,000,000). */
export async function targetForYear({ year }: { year: number }): Promise<bigint | null> {
  const [r] = rowsOf<{ fen: string }>(
    await getDb().execute(sql`select target_fen::text as fen from programme_targets where year = ${year}`),
  );
  return r ? BigInt(r.fen) : null;
}
