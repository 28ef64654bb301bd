import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { LIVE_PAYOUT_STATUSES } from '@/domain/benefit';
import type { DividendSplit } from '@/domain/dividend';
import { getDb, rowsOf, type Executor } from '../client';
import { dividendRuleMembers, dividendRules, households } from '../schema';

/** 分红规则 (issue 17): rules, their members, and the counted sales and payouts they are computed from. */

export async function insertDividendRule(
  values: {
    supplierId: number;
    title: string;
    periodFrom: string;
    periodTo: string;
    shareBps: number;
    split: DividendSplit;
    createdBy: string;
  },
  tx: Executor,
): Promise<number> {
  const [r] = await tx.insert(dividendRules).values(values).returning({ id: dividendRules.id });
  return r!.id;
}

/** Fixes a rule's members: the supplier's active households registered for dividends, with their shares now. */
export async function insertRuleMembersFromRegister(
  { ruleId, supplierId }: { ruleId: number; supplierId: number },
  tx: Executor,
): Promise<number> {
  const r = await tx.execute(sql`
    insert into dividend_rule_members (rule_id, household_id, shares)
    select ${ruleId}, h.id, h.shares from households h
    where h.supplier_id = ${supplierId} and h.active and 'dividend' = any(h.channels)
    returning household_id`);
  return rowsOf(r).length;
}

export async function listDividendRules({ supplierId }: { supplierId: number }) {
  return getDb()
    .select()
    .from(dividendRules)
    .where(eq(dividendRules.supplierId, supplierId))
    .orderBy(desc(dividendRules.periodTo), desc(dividendRules.id));
}

export async function getDividendRule({ id }: { id: number }, tx: Executor = getDb()) {
  const [r] = await tx.select().from(dividendRules).where(eq(dividendRules.id, id));
  return r ?? null;
}

/** A supplier's counted sales (net of refunds) dated in [from, to): the rule's base (domain/target-accounting). */
export async function supplierCountedFen(
  { supplierId, from, to }: { supplierId: number; from: Date; to: Date },
  tx: Executor = getDb(),
): Promise<bigint> {
  const [r] = rowsOf<{ fen: string }>(
    await tx.execute(sql`
      select coalesce(sum(amount_fen), 0)::text as fen from sales_ledger
      where supplier_id = ${supplierId} and counted
        and occurred_at >= ${from.toISOString()}::timestamptz and occurred_at < ${to.toISOString()}::timestamptz`),
  );
  return BigInt(r?.fen ?? '0');
}

/** A rule's members in code order, with what has been paid to each under it (live and verified payouts). */
export async function listRuleMembers({ ruleId }: { ruleId: number }, tx: Executor = getDb()) {
  const live = sql.join(
    LIVE_PAYOUT_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await tx
    .select({
      householdId: dividendRuleMembers.householdId,
      code: households.code,
      shares: dividendRuleMembers.shares,
      paidFen: sql<string>`coalesce((select sum(p.amount_fen) from payouts p where p.dividend_rule_id = ${ruleId} and p.household_id = ${dividendRuleMembers.householdId} and p.status::text in (${live})), 0)::text`,
      verifiedFen: sql<string>`coalesce((select sum(p.amount_fen) from payouts p where p.dividend_rule_id = ${ruleId} and p.household_id = ${dividendRuleMembers.householdId} and p.status = 'verified'), 0)::text`,
    })
    .from(dividendRuleMembers)
    .innerJoin(households, eq(households.id, dividendRuleMembers.householdId))
    .where(and(eq(dividendRuleMembers.ruleId, ruleId)))
    .orderBy(asc(households.code), asc(households.id));
  return rows.map((r) => ({ ...r, paidFen: BigInt(r.paidFen), verifiedFen: BigInt(r.verifiedFen) }));
}

/** Locks a household's membership of a rule for the rest of the transaction; its shares, or null when it is not a member. */
export async function lockRuleMember({ ruleId, householdId }: { ruleId: number; householdId: number }, tx: Executor) {
  const [r] = rowsOf<{ shares: number }>(
    await tx.execute(
      sql`select shares from dividend_rule_members where rule_id = ${ruleId} and household_id = ${householdId} for update`,
    ),
  );
  return r ? r.shares : null;
}
