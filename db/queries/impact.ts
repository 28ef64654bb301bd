import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  benefitEstimateFen,
  CHANNELS,
  DEFAULT_TARGET_FEN,
  PROGRAMME_YEAR_SETTING,
  programmeYearBounds,
  type Channel,
  type DayPoint,
} from '@/domain/target-accounting';
import type { OrderStatus } from '@/domain/order-state';
import { addDays, chinaDate, chinaDayStart, chinaYear } from '@/domain/time';
import { getDb, rowsOf } from '../client';
import { getYearBenefitFigures, type RecordedBenefit } from './benefit-figures';
import { programmeTargets, salesRollup } from '../schema';
import { getSetting } from './programme';

/** The programme year the office reports on (its setting, else the latest target), and its target. */
export type ProgrammeTarget = { year: number; targetFen: bigint };

export async function getProgrammeTarget(): Promise<ProgrammeTarget> {
  const db = getDb();
  const setting = await getSetting({ key: PROGRAMME_YEAR_SETTING });
  const year = typeof setting === 'number' ? setting : null;
  const [t] = year
    ? await db.select().from(programmeTargets).where(eq(programmeTargets.year, year))
    : await db.select().from(programmeTargets).orderBy(desc(programmeTargets.year)).limit(1);
  return { year: year ?? t?.year ?? chinaYear(), targetFen: t?.targetFen ?? DEFAULT_TARGET_FEN };
}

/** The home page's teaser: counted sales of the programme year against its target. */
export async function getTargetProgress(): Promise<{ targetFen: bigint; countedFen: bigint; year: number | null }> {
  const { year, targetFen } = await getProgrammeTarget();
  const [r] = await getDb()
    .select({ amountFen: salesRollup.amountFen })
    .from(salesRollup)
    .where(
      and(
        eq(salesRollup.year, year),
        eq(salesRollup.dim, 'total'),
        eq(salesRollup.key, ''),
        eq(salesRollup.counted, true),
      ),
    );
  return { targetFen, countedFen: r?.amountFen ?? 0n, year };
}

export type Group = {
  key: string;
  label: string;
  countedFen: bigint;
  uncountedFen: bigint;
  refundFen: bigint;
  orders: number;
};
export type SupplierGroup = Group & { benefitFen: bigint; households: number; shareBps: number; township: string };
export type DepartmentGroup = { key: string; label: string; countedFen: bigint; units: number };

export type Impact = {
  year: number;
  targetFen: bigint;
  countedFen: bigint;
  uncountedFen: bigint;
  /** Refunds of counted lines (already subtracted from countedFen). */
  refundedFen: bigint;
  orders: number;
  buyers: number;
  units: number;
  byChannel: (Group & { channel: Channel })[];
  byRound: (Group & { roundNo: number })[];
  byLivestream: Group[];
  byCategory: Group[];
  byTownship: Group[];
  bySupplier: SupplierGroup[];
  benefitFen: bigint;
  households: number;
  days: DayPoint[];
  /** Office only. */
  byUnit?: Group[];
  byDepartment?: DepartmentGroup[];
};

type RollRow = {
  dim: string;
  key: string;
  counted: boolean;
  amount_fen: string;
  refund_fen: string;
  orders: number;
  buyers: number;
  units: number;
};

/**
 * Every figure of /impact, the dashboard and the API, from the rollups: time grows with the number
 * of groups (suppliers, units, days), never with the number of orders.
 */
export async function getImpact({
  withUnits = false,
  target,
}: { withUnits?: boolean; target?: ProgrammeTarget } = {}): Promise<Impact> {
  const { year, targetFen } = target ?? (await getProgrammeTarget());
  const db = getDb();
  const { from, to } = programmeYearBounds(year);
  const day = chinaDate;
  const [rollRes, namesRes, daysRes] = await Promise.all([
    db.execute(
      sql`select dim, key, counted, amount_fen::text, refund_fen::text, orders, buyers, units from sales_rollup where year = ${year} ${withUnits ? sql`` : sql`and dim <> 'unit'`}`,
    ),
    db.execute(sql`
      select 'category' as dim, id::text as key, name as label, '' as extra, 0 as n, 0 as bps from categories
      union all select 'township', slug, name, '', sort_order, 0 from townships
      union all select 'supplier', id::text, name, township_slug, poverty_households, benefit_share_bps from suppliers
      union all select 'round', id::text, name, round_no::text, round_no, 0 from promotion_rounds
      union all select 'livestream', id::text, title, '', 0, 0 from livestreams`),
    db.execute(
      sql`select day::text as day, counted, amount_fen::text from sales_rollup_daily where day >= ${day(from)}::date and day < ${day(to)}::date order by day`,
    ),
  ]);
  const rows = rowsOf<RollRow>(rollRes);
  const names = new Map(
    rowsOf<{ dim: string; key: string; label: string; extra: string; n: number; bps: number }>(namesRes).map((n) => [
      `${n.dim}:${n.key}`,
      n,
    ]),
  );

  const groups = (dim: string): Group[] => {
    const m = new Map<string, Group>();
    for (const r of rows.filter((x) => x.dim === dim)) {
      const g = m.get(r.key) ?? {
        key: r.key,
        label: names.get(`${dim}:${r.key}`)?.label ?? r.key,
        countedFen: 0n,
        uncountedFen: 0n,
        refundFen: 0n,
        orders: 0,
      };
      if (r.counted) {
        g.countedFen += BigInt(r.amount_fen);
        g.refundFen += BigInt(r.refund_fen);
      } else g.uncountedFen += BigInt(r.amount_fen);
      g.orders = Math.max(g.orders, r.orders);
      m.set(r.key, g);
    }
    return [...m.values()].sort((a, b) =>
      a.countedFen === b.countedFen ? a.label.localeCompare(b.label) : a.countedFen > b.countedFen ? -1 : 1,
    );
  };

  const total = rows.find((r) => r.dim === 'total' && r.counted);
  const totalUncounted = rows.find((r) => r.dim === 'total' && !r.counted);
  const channelGroups = groups('channel');
  const bySupplier: SupplierGroup[] = groups('supplier').map((g) => {
    const s = names.get(`supplier:${g.key}`);
    return {
      ...g,
      benefitFen: benefitEstimateFen(g.countedFen, s?.bps ?? 0),
      households: s?.n ?? 0,
      shareBps: s?.bps ?? 0,
      township: s?.extra ?? '',
    };
  });
  const dayMap = new Map<string, DayPoint>();
  for (const d of rowsOf<{ day: string; counted: boolean; amount_fen: string }>(daysRes)) {
    const p = dayMap.get(d.day) ?? { day: d.day.slice(0, 10), countedFen: 0n, uncountedFen: 0n };
    if (d.counted) p.countedFen += BigInt(d.amount_fen);
    else p.uncountedFen += BigInt(d.amount_fen);
    dayMap.set(d.day, p);
  }
  const impact: Impact = {
    year,
    targetFen,
    countedFen: total ? BigInt(total.amount_fen) : 0n,
    uncountedFen: totalUncounted ? BigInt(totalUncounted.amount_fen) : 0n,
    refundedFen: total ? BigInt(total.refund_fen) : 0n,
    orders: total?.orders ?? 0,
    buyers: total?.buyers ?? 0,
    units: total?.units ?? 0,
    byChannel: CHANNELS.map((c) => ({
      ...(channelGroups.find((g) => g.key === c) ?? {
        key: c,
        label: c,
        countedFen: 0n,
        uncountedFen: 0n,
        refundFen: 0n,
        orders: 0,
      }),
      channel: c,
    })),
    byRound: groups('round')
      .map((g) => ({ ...g, roundNo: Number(names.get(`round:${g.key}`)?.extra ?? 0) }))
      .sort((a, b) => a.roundNo - b.roundNo),
    byLivestream: groups('livestream'),
    byCategory: groups('category'),
    byTownship: groups('township'),
    bySupplier,
    benefitFen: bySupplier.reduce((s, g) => s + g.benefitFen, 0n),
    households: bySupplier.filter((g) => g.countedFen > 0n).reduce((s, g) => s + g.households, 0),
    days: [...dayMap.values()],
  };
  if (withUnits) {
    const byUnit = groups('unit');
    const unitInfo = rowsOf<{ id: string; name: string; department: string; department_id: string }>(
      await db.execute(
        sql`select u.id::text, u.name, coalesce(p.name, u.name) as department, coalesce(p.id, u.id)::text as department_id from units u left join units p on p.id = u.parent_unit_id`,
      ),
    );
    const info = new Map(unitInfo.map((u) => [u.id, u]));
    impact.byUnit = byUnit.map((g) => ({ ...g, label: info.get(g.key)?.name ?? g.key }));
    const deps = new Map<string, DepartmentGroup>();
    for (const g of impact.byUnit) {
      const u = info.get(g.key);
      const key = u?.department_id ?? g.key;
      const d = deps.get(key) ?? { key, label: u?.department ?? g.label, countedFen: 0n, units: 0 };
      d.countedFen += g.countedFen;
      d.units += 1;
      deps.set(key, d);
    }
    impact.byDepartment = [...deps.values()].sort((a, b) =>
      a.countedFen > b.countedFen ? -1 : a.countedFen < b.countedFen ? 1 : 0,
    );
  }
  return impact;
}

export const DRILL_DIMS = [
  'total',
  'channel',
  'round',
  'livestream',
  'category',
  'township',
  'supplier',
  'unit',
  'department',
] as const;
export type DrillDim = (typeof DRILL_DIMS)[number];
const DIM_COLUMN: Record<Exclude<DrillDim, 'total'>, string> = {
  channel: 'channel::text',
  round: 'round_id::text',
  livestream: 'livestream_id::text',
  category: 'category_id::text',
  township: 'township_slug',
  supplier: 'supplier_id::text',
  unit: 'unit_id::text',
  // A unit's supervising department, or the unit itself (the monthly 通报's grouping).
  department: '(select coalesce(u.parent_unit_id, u.id)::text from units u where u.id = unit_id)',
};

/**
 * The orders behind a dashboard figure: ledger rows of the programme year (or of the China dates
 * fromDay–toDay, both included: the monthly 通报) in the group, summed per order, newest first. The
 * page's figure is the sum of these orders' counted amounts.
 */
export async function drillDown(p: {
  dim: DrillDim;
  key: string;
  page: number;
  pageSize: number;
  days?: { fromDay: string; toDay: string };
}) {
  const { year } = await getProgrammeTarget();
  const { from, to } = p.days
    ? { from: chinaDayStart(p.days.fromDay), to: chinaDayStart(addDays(p.days.toDay, 1)) }
    : programmeYearBounds(year);
  const where = p.dim === 'total' ? sql`true` : sql`${sql.raw(DIM_COLUMN[p.dim])} = ${p.key}`;
  const rows = rowsOf<{
    order_no: string;
    status: OrderStatus;
    paid_at: Date | string;
    counted_fen: string;
    uncounted_fen: string;
    refund_fen: string;
  }>(
    await getDb().execute(sql`
      select o.order_no, o.status::text, o.paid_at,
             coalesce(sum(l.amount_fen) filter (where l.counted), 0)::text as counted_fen,
             coalesce(sum(l.amount_fen) filter (where not l.counted), 0)::text as uncounted_fen,
             coalesce(-sum(l.amount_fen) filter (where l.kind = 'refund'), 0)::text as refund_fen
      from (select order_id, amount_fen, counted, kind, occurred_at from sales_ledger
            where ${where} and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz) l
      join orders o on o.id = l.order_id
      group by o.id
      order by max(l.occurred_at) desc, o.order_no desc
      limit ${p.pageSize + 1} offset ${(p.page - 1) * p.pageSize}`),
  );
  return {
    year,
    hasMore: rows.length > p.pageSize,
    rows: rows.slice(0, p.pageSize).map((r) => ({
      orderNo: r.order_no,
      status: r.status,
      paidAt: new Date(r.paid_at),
      countedFen: BigInt(r.counted_fen),
      uncountedFen: BigInt(r.uncounted_fen),
      refundFen: BigInt(r.refund_fen),
    })),
  };
}

/**
 * /impact and GET /api/v1/impact: the sales figures and the programme year's recorded 带贫成效
 * (db/queries/benefit-figures.ts), read side by side once the year is known.
 */
export async function getImpactAndBenefit(): Promise<{ impact: Impact; benefit: RecordedBenefit }> {
  const target = await getProgrammeTarget();
  const [impact, benefit] = await Promise.all([getImpact({ target }), getYearBenefitFigures({ year: target.year })]);
  return { impact, benefit };
}
