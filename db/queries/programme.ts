import 'server-only';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { chinaYearBounds } from '@/domain/time';
import { getDb, rowsOf, type Executor } from '../client';
import { programmeTargets, promotionRounds, settings, unitPledges } from '../schema';

/** The programme office's settings: promotion rounds (推介会), units' yearly pledges, targets, switches. */

export async function listRounds({ openOnly }: { openOnly: boolean }) {
  return getDb()
    .select()
    .from(promotionRounds)
    .where(openOnly ? eq(promotionRounds.open, true) : undefined)
    .orderBy(desc(promotionRounds.roundNo));
}

export async function openRoundById({ roundId }: { roundId: number }): Promise<number | null> {
  const [r] = await getDb()
    .select({ id: promotionRounds.id })
    .from(promotionRounds)
    .where(and(eq(promotionRounds.id, roundId), eq(promotionRounds.open, true)));
  return r?.id ?? null;
}

/** The latest open round whose dates contain `day` (a China date). */
export async function openRoundOn({ day }: { day: string }): Promise<number | null> {
  const [r] = await getDb()
    .select({ id: promotionRounds.id })
    .from(promotionRounds)
    .where(and(eq(promotionRounds.open, true), lte(promotionRounds.heldOn, day), gte(promotionRounds.endsOn, day)))
    .orderBy(desc(promotionRounds.heldOn))
    .limit(1);
  return r?.id ?? null;
}

export async function nextRoundNo(tx: Executor): Promise<number> {
  const [r] = rowsOf<{ next: number }>(
    await tx.execute(sql`select coalesce(max(round_no), 0)::int + 1 as next from promotion_rounds`),
  );
  return r?.next ?? 1;
}

export async function insertRound(values: typeof promotionRounds.$inferInsert, tx: Executor): Promise<number> {
  const [row] = await tx.insert(promotionRounds).values(values).returning({ id: promotionRounds.id });
  return row!.id;
}

/** Paid purchases of one unit in a China-time year, net of refunds (the ledger). */
export async function unitPaidInYear({ unitId, year }: { unitId: string; year: number }): Promise<bigint> {
  const { from, to } = chinaYearBounds(year);
  const [sum] = rowsOf<{ s: string }>(
    await getDb().execute(
      sql`select coalesce(sum(amount_fen), 0)::text as s from sales_ledger where unit_id = ${unitId} and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`,
    ),
  );
  return BigInt(sum?.s ?? '0');
}

/** 认购目标 progress: paid purchases (net of refunds) in the year against the pledge. */
export async function pledgeProgress({
  unitId,
  year,
}: {
  unitId: string;
  year: number;
}): Promise<{ pledgeFen: bigint | null; paidFen: bigint }> {
  const [pledge] = await getDb()
    .select({ fen: unitPledges.pledgeFen })
    .from(unitPledges)
    .where(and(eq(unitPledges.unitId, unitId), eq(unitPledges.year, year)));
  return { pledgeFen: pledge?.fen ?? null, paidFen: await unitPaidInYear({ unitId, year }) };
}

export type PledgeRow = {
  unitId: string;
  unitName: string;
  creditCode: string;
  department: string;
  pledgeFen: bigint | null;
  paidFen: bigint;
};

/**
 * Every verified unit's pledge and paid purchases in a year, with its supervising department; with
 * `through`, only purchases dated before that instant (the monthly 通报's pace check).
 */
export async function listPledgeProgress({ year, through }: { year: number; through?: Date }): Promise<PledgeRow[]> {
  const { from, to: yearEnd } = chinaYearBounds(year);
  const to = through && through < yearEnd ? through : yearEnd;
  const rows = rowsOf<{
    unit_id: string;
    unit_name: string;
    credit_code: string;
    department: string;
    pledge_fen: string | null;
    paid_fen: string;
  }>(
    await getDb().execute(sql`
      select u.id as unit_id, u.name as unit_name, u.credit_code, coalesce(parent.name, u.name) as department,
             pl.pledge_fen::text as pledge_fen, coalesce(paid.s, 0)::text as paid_fen
      from units u
      left join units parent on parent.id = u.parent_unit_id
      left join unit_pledges pl on pl.unit_id = u.id and pl.year = ${year}
      left join (
        select unit_id, sum(amount_fen) as s from sales_ledger
        where unit_id is not null and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz
        group by unit_id
      ) paid on paid.unit_id = u.id
      where u.status = 'verified'
      order by department, u.name`),
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    creditCode: r.credit_code,
    department: r.department,
    pledgeFen: r.pledge_fen === null ? null : BigInt(r.pledge_fen),
    paidFen: BigInt(r.paid_fen),
  }));
}

export async function upsertPledge(
  { unitId, year, pledgeFen }: { unitId: string; year: number; pledgeFen: bigint },
  tx: Executor,
): Promise<void> {
  await tx
    .insert(unitPledges)
    .values({ unitId, year, pledgeFen })
    .onConflictDoUpdate({ target: [unitPledges.unitId, unitPledges.year], set: { pledgeFen } });
}

export async function upsertProgrammeTarget(
  { year, targetFen }: { year: number; targetFen: bigint },
  tx: Executor,
): Promise<void> {
  await tx
    .insert(programmeTargets)
    .values({ year, targetFen })
    .onConflictDoUpdate({ target: programmeTargets.year, set: { targetFen, updatedAt: sql`now()` } });
}

/** A setting's stored JSON value, or undefined. */
export async function getSetting({ key }: { key: string }, tx: Executor = getDb()): Promise<unknown> {
  const [s] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return s?.value;
}

/** Locks a setting's row (when it exists) until the transaction ends, so that read-change-write is one step. */
export async function lockSetting({ key }: { key: string }, tx: Executor): Promise<void> {
  await tx.execute(sql`select 1 from settings where key = ${key} for update`);
}

export async function getBooleanSetting({ key }: { key: string }): Promise<boolean> {
  return (await getSetting({ key })) === true;
}

export async function upsertSetting({ key, value }: { key: string; value: unknown }, tx: Executor): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
}
