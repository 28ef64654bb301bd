import 'server-only';
import { aliasedTable, and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { BenefitChannel, PayoutStatus } from '@/domain/benefit';
import { getDb, rowsOf, type Executor } from '../client';
import { dividendRules, households, orders, payouts, products, suppliers, townships, users } from '../schema';

/** 收益发放 (issue 17): payouts to registered households. Reads and single-statement writes. */

export type NewPayout = Omit<typeof payouts.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertPayout(values: NewPayout, tx: Executor): Promise<number> {
  const [p] = await tx.insert(payouts).values(values).returning({ id: payouts.id });
  return p!.id;
}

/** A payout with what its guards and transitions need: its supplier and its household's township. */
export async function getPayoutRecord({ id }: { id: number }, tx: Executor = getDb()) {
  const [p] = await tx
    .select({
      id: payouts.id,
      supplierId: payouts.supplierId,
      householdId: payouts.householdId,
      townshipSlug: households.townshipSlug,
      status: payouts.status,
      method: payouts.method,
      kind: payouts.kind,
      amountFen: payouts.amountFen,
      recordedBy: payouts.recordedBy,
      dividendRuleId: payouts.dividendRuleId,
    })
    .from(payouts)
    .innerJoin(households, eq(households.id, payouts.householdId))
    .where(eq(payouts.id, id));
  return p ?? null;
}

/**
 * Moves a payout from one of `from` to `to`, with the columns that go with it. Returns false when the
 * payout was not in one of those statuses (someone else moved it first): nothing is written then.
 */
export async function transitionPayoutRow(
  {
    id,
    from,
    to,
    set = {},
  }: {
    id: number;
    from: readonly PayoutStatus[];
    to: PayoutStatus;
    set?: Partial<Pick<typeof payouts.$inferInsert, 'confirmation' | 'confirmedBy' | 'reviewedBy' | 'returnReason'>> & {
      reviewed?: boolean;
      confirmed?: boolean;
    };
  },
  tx: Executor,
): Promise<boolean> {
  const { reviewed, confirmed, ...cols } = set;
  const r = await tx
    .update(payouts)
    .set({
      ...cols,
      status: to,
      updatedAt: sql`now()`,
      ...(reviewed ? { reviewedAt: sql`now()` } : {}),
      ...(confirmed ? { confirmedAt: sql`now()` } : {}),
    })
    .where(and(eq(payouts.id, id), inArray(payouts.status, [...from])))
    .returning({ id: payouts.id });
  return r.length === 1;
}

export type PayoutFilter = {
  supplierId?: number;
  status?: PayoutStatus;
  channel?: BenefitChannel;
  townshipSlug?: string;
  householdId?: number;
  /** China dates, both included. */
  fromDay?: string;
  toDay?: string;
};

const recorder = aliasedTable(users, 'recorder');
const reviewer = aliasedTable(users, 'reviewer');

/** Payouts for a list (the supplier's, the verification queue, a drill-down), newest first. No personal data. */
export async function listPayouts(f: PayoutFilter & { limit: number; offset?: number }) {
  return getDb()
    .select({
      id: payouts.id,
      supplierId: payouts.supplierId,
      supplierName: suppliers.name,
      householdId: payouts.householdId,
      householdCode: households.code,
      village: households.village,
      townshipName: townships.name,
      category: households.category,
      kind: payouts.kind,
      channel: payouts.channel,
      paidOn: payouts.paidOn,
      amountFen: payouts.amountFen,
      quantityCenti: payouts.quantityCenti,
      unitRateFen: payouts.unitRateFen,
      productName: products.name,
      orderNo: orders.orderNo,
      ruleTitle: dividendRules.title,
      method: payouts.method,
      note: payouts.note,
      hasReceipt: sql<boolean>`${payouts.receiptBytes} is not null`,
      status: payouts.status,
      confirmation: payouts.confirmation,
      returnReason: payouts.returnReason,
      recordedBy: payouts.recordedBy,
      recordedByName: recorder.name,
      reviewedByName: reviewer.name,
      reviewedAt: payouts.reviewedAt,
    })
    .from(payouts)
    .innerJoin(households, eq(households.id, payouts.householdId))
    .innerJoin(townships, eq(townships.slug, households.townshipSlug))
    .innerJoin(suppliers, eq(suppliers.id, payouts.supplierId))
    .leftJoin(products, eq(products.id, payouts.productId))
    .leftJoin(orders, eq(orders.id, payouts.orderId))
    .leftJoin(dividendRules, eq(dividendRules.id, payouts.dividendRuleId))
    .leftJoin(recorder, eq(recorder.id, payouts.recordedBy))
    .leftJoin(reviewer, eq(reviewer.id, payouts.reviewedBy))
    .where(payoutWhere(f))
    .orderBy(desc(payouts.paidOn), desc(payouts.id))
    .limit(f.limit)
    .offset(f.offset ?? 0);
}

/** The total and count of the payouts a filter selects (a drill-down's figure). */
export async function sumPayouts(f: PayoutFilter): Promise<{ count: number; amountFen: bigint }> {
  const [r] = await getDb()
    .select({ count: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${payouts.amountFen}), 0)::text` })
    .from(payouts)
    .innerJoin(households, eq(households.id, payouts.householdId))
    .where(payoutWhere(f));
  return { count: r?.count ?? 0, amountFen: BigInt(r?.amount ?? '0') };
}

function payoutWhere(f: PayoutFilter) {
  return and(
    f.supplierId !== undefined ? eq(payouts.supplierId, f.supplierId) : undefined,
    f.status ? eq(payouts.status, f.status) : undefined,
    f.channel ? eq(payouts.channel, f.channel) : undefined,
    f.townshipSlug ? eq(households.townshipSlug, f.townshipSlug) : undefined,
    f.householdId !== undefined ? eq(payouts.householdId, f.householdId) : undefined,
    f.fromDay ? gte(payouts.paidOn, f.fromDay) : undefined,
    f.toDay ? lte(payouts.paidOn, f.toDay) : undefined,
  );
}

/** A receipt scan with the payout's supplier and township, for the file route's own check. */
export async function getPayoutReceipt({ id }: { id: number }) {
  const [r] = await getDb()
    .select({
      supplierId: payouts.supplierId,
      townshipSlug: households.townshipSlug,
      contentType: payouts.receiptContentType,
      bytes: payouts.receiptBytes,
    })
    .from(payouts)
    .innerJoin(households, eq(households.id, payouts.householdId))
    .where(eq(payouts.id, id));
  return r?.bytes && r.contentType ? { ...r, bytes: r.bytes, contentType: r.contentType } : null;
}

/** Whether a paid order contains a product of this supplier (a piece-rate payout's order). */
export async function findSupplierPaidOrder({ orderNo, supplierId }: { orderNo: string; supplierId: number }) {
  const [r] = rowsOf<{ id: string }>(
    await getDb().execute(sql`
    select o.id from orders o
    where o.order_no = ${orderNo} and o.paid_at is not null
      and exists (select 1 from order_items i where i.order_id = o.id and i.supplier_id = ${supplierId})`),
  );
  return r?.id ?? null;
}
