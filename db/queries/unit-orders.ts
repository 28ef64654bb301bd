import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { assertTransition, type OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf } from '../client';
import { orders, payments, products, promotionRounds, suppliers, unitPledges, units } from '../schema';
import { withTxRetry } from '../tx';
import { recordAudit } from './audit';
import { fulfilPaidOrder, releaseStock } from './payments';
import { chinaDate } from '@/domain/time';

/** The round an order belongs to: the chosen open round, or the open round whose dates contain today. */
export async function resolveRound({ roundId }: { roundId?: number | null }): Promise<number | null> {
  const db = getDb();
  if (roundId) {
    const [r] = await db
      .select({ id: promotionRounds.id })
      .from(promotionRounds)
      .where(and(eq(promotionRounds.id, roundId), eq(promotionRounds.open, true)));
    return r?.id ?? null;
  }
  const today = chinaDate();
  const [r] = await db
    .select({ id: promotionRounds.id })
    .from(promotionRounds)
    .where(and(eq(promotionRounds.open, true), lte(promotionRounds.heldOn, today), gte(promotionRounds.endsOn, today)))
    .orderBy(desc(promotionRounds.heldOn))
    .limit(1);
  return r?.id ?? null;
}

export async function listRounds({ openOnly }: { openOnly: boolean }) {
  return getDb()
    .select()
    .from(promotionRounds)
    .where(openOnly ? eq(promotionRounds.open, true) : undefined)
    .orderBy(desc(promotionRounds.roundNo));
}

export async function createRound({
  actorId,
  r,
}: {
  actorId: string;
  r: { name: string; heldOn: string; endsOn: string; venue: string };
}): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [{ next } = { next: 1 }] = rowsOf<{ next: number }>(
      await tx.execute(sql`select coalesce(max(round_no), 0)::int + 1 as next from promotion_rounds`),
    );
    const [row] = await tx
      .insert(promotionRounds)
      .values({ ...r, roundNo: next })
      .returning({ id: promotionRounds.id });
    await recordAudit({ actorUserId: actorId, action: 'round.create', entity: 'round', entityId: String(row!.id) }, tx);
    return row!.id;
  });
}

/** Codes to slugs for spreadsheet lines (listed products only). */
export async function productsByCode({ codes }: { codes: string[] }) {
  if (!codes.length) return new Map<string, { slug: string; stock: number; min: number; name: string }>();
  const rows = await getDb()
    .select({
      code: products.code,
      slug: products.slug,
      stock: products.stock,
      min: products.unitMinQuantity,
      name: products.name,
    })
    .from(products)
    .where(and(inArray(products.code, codes), eq(products.status, 'listed')));
  return new Map(rows.map((r) => [r.code, r]));
}

export type UnitOrderRow = {
  id: string;
  orderNo: string;
  status: OrderStatus;
  totalFen: bigint;
  paidFen: bigint;
  createdAt: Date;
  userId: string | null;
  roundName: string | null;
  transferReference: string | null;
  dueAt: Date | null;
  paymentTerms: string;
};

export async function listUnitOrders({ unitId, limit }: { unitId: string; limit: number }): Promise<UnitOrderRow[]> {
  const rows = await getDb()
    .select({
      id: orders.id,
      orderNo: orders.orderNo,
      status: orders.status,
      totalFen: orders.totalFen,
      paidFen: orders.paidFen,
      createdAt: orders.createdAt,
      userId: orders.userId,
      roundName: promotionRounds.name,
      transferReference: orders.transferReference,
      dueAt: orders.dueAt,
      paymentTerms: orders.paymentTerms,
    })
    .from(orders)
    .leftJoin(promotionRounds, eq(promotionRounds.id, orders.roundId))
    .where(eq(orders.unitId, unitId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
  return rows;
}

/**
 * 通过 / 驳回 a purchase order: only an approver of the same unit, never the buyer who submitted it.
 * Approval moves it to 待付款 (due in 30 days on pay-later terms, 7 days otherwise); rejection cancels it
 * and releases its stock. Returns null when the caller may not decide it.
 */
export async function decideUnitOrder(p: {
  orderNo: string;
  approverId: string;
  decision: 'approve' | 'reject';
  reason?: string;
}): Promise<'applied' | 'not_pending' | 'forbidden'> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const [o] = await tx.select().from(orders).where(eq(orders.orderNo, p.orderNo)).for('update');
      if (!o || !o.unitId) return 'forbidden';
      const member = rowsOf<{ role: string }>(
        await tx.execute(sql`select role from unit_members where unit_id = ${o.unitId} and user_id = ${p.approverId}`),
      )[0];
      if (!member || member.role !== 'approver' || o.userId === p.approverId) return 'forbidden';
      if (o.status !== 'pending_approval') return 'not_pending';
      if (p.decision === 'approve') {
        assertTransition('pending_approval', 'pending_payment');
        const days = o.paymentTerms === 'pay_later' ? 30 : 7;
        await tx
          .update(orders)
          .set({
            status: 'pending_payment',
            decidedBy: p.approverId,
            decidedAt: sql`now()`,
            expiresAt: null,
            dueAt: sql`now() + make_interval(days => ${days})`,
            updatedAt: sql`now()`,
          })
          .where(eq(orders.id, o.id));
      } else {
        assertTransition('pending_approval', 'cancelled');
        await releaseStock(tx, o.id);
        await tx
          .update(orders)
          .set({
            status: 'cancelled',
            decidedBy: p.approverId,
            decidedAt: sql`now()`,
            rejectReason: p.reason ?? '',
            cancelReason: `审批驳回：${p.reason ?? ''}`,
            cancelledAt: sql`now()`,
            updatedAt: sql`now()`,
          })
          .where(eq(orders.id, o.id));
      }
      await recordAudit(
        {
          actorUserId: p.approverId,
          action: p.decision === 'approve' ? 'po.approve' : 'po.reject',
          entity: 'order',
          entityId: o.orderNo,
          data: p.reason ? { reason: p.reason } : undefined,
        },
        tx,
      );
      return 'applied';
    }),
  );
}

/**
 * 确认到账: the programme office records a bank transfer. The full amount (with earlier short transfers)
 * makes the order paid and writes the ledger; a short amount is recorded and the order stays 待付款.
 */
export async function confirmTransfer(p: {
  orderNo: string;
  amountFen: bigint;
  adminId: string;
}): Promise<{ result: 'paid' | 'partial' | 'not_awaiting' | 'too_much'; paidFen: bigint; totalFen: bigint }> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const [o] = await tx.select().from(orders).where(eq(orders.orderNo, p.orderNo)).for('update');
      if (!o || o.status !== 'pending_payment' || o.paymentMethod !== 'bank_transfer')
        return { result: 'not_awaiting' as const, paidFen: o?.paidFen ?? 0n, totalFen: o?.totalFen ?? 0n };
      const paid = o.paidFen + p.amountFen;
      if (paid > o.totalFen) return { result: 'too_much' as const, paidFen: o.paidFen, totalFen: o.totalFen };
      const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from payments where order_id = ${o.id}`),
      );
      await tx.insert(payments).values({
        orderId: o.id,
        method: 'bank_transfer',
        providerRef: `transfer:${o.orderNo}:${n + 1}`,
        amountFen: p.amountFen,
        kind: 'sale',
        confirmedBy: p.adminId,
      });
      await recordAudit(
        {
          actorUserId: p.adminId,
          action: 'transfer.confirm',
          entity: 'order',
          entityId: o.orderNo,
          data: { amountFen: String(p.amountFen) },
        },
        tx,
      );
      if (paid < o.totalFen) {
        await tx
          .update(orders)
          .set({ paidFen: paid, updatedAt: sql`now()` })
          .where(eq(orders.id, o.id));
        return { result: 'partial' as const, paidFen: paid, totalFen: o.totalFen };
      }
      await fulfilPaidOrder(tx, o, paid);
      return { result: 'paid' as const, paidFen: paid, totalFen: o.totalFen };
    }),
  );
}

export async function listTransfersAwaiting() {
  return getDb()
    .select({
      orderNo: orders.orderNo,
      unitName: units.name,
      totalFen: orders.totalFen,
      paidFen: orders.paidFen,
      transferReference: orders.transferReference,
      dueAt: orders.dueAt,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(units, eq(units.id, orders.unitId))
    .where(and(eq(orders.status, 'pending_payment'), eq(orders.paymentMethod, 'bank_transfer')))
    .orderBy(asc(orders.dueAt));
}

/** 认购目标 progress: paid purchases (net of refunds) in the year against the pledge. */
export async function pledgeProgress({
  unitId,
  year,
}: {
  unitId: string;
  year: number;
}): Promise<{ pledgeFen: bigint | null; paidFen: bigint }> {
  const db = getDb();
  const [pledge] = await db
    .select({ fen: unitPledges.pledgeFen })
    .from(unitPledges)
    .where(and(eq(unitPledges.unitId, unitId), eq(unitPledges.year, year)));
  const [sum] = rowsOf<{ s: string }>(
    await db.execute(
      sql`select coalesce(sum(amount_fen), 0)::text as s from sales_ledger where unit_id = ${unitId} and extract(year from (occurred_at at time zone 'UTC') + interval '8 hours') = ${year}`,
    ),
  );
  return { pledgeFen: pledge?.fen ?? null, paidFen: BigInt(sum?.s ?? '0') };
}

/** The unit and supplier names printed on a purchase order. */
export async function getPrintParties({ unitId, supplierIds }: { unitId: string; supplierIds: number[] }) {
  const db = getDb();
  const [unit] = await db
    .select({ name: units.name, creditCode: units.creditCode })
    .from(units)
    .where(eq(units.id, unitId));
  const sups = supplierIds.length
    ? await db
        .select({ id: suppliers.id, name: suppliers.name })
        .from(suppliers)
        .where(inArray(suppliers.id, [...new Set(supplierIds)]))
    : [];
  return { unit: unit ?? null, supplierNames: new Map(sups.map((s) => [s.id, s.name])) };
}

export type PledgeRow = {
  unitId: string;
  unitName: string;
  creditCode: string;
  department: string;
  pledgeFen: bigint | null;
  paidFen: bigint;
};

/** Every verified unit's pledge and paid purchases in a year, with its supervising department. */
export async function listPledgeProgress({ year }: { year: number }): Promise<PledgeRow[]> {
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
        where unit_id is not null and extract(year from (occurred_at at time zone 'UTC') + interval '8 hours') = ${year}
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

export async function setPledge({
  unitId,
  year,
  pledgeFen,
  actorId,
}: {
  unitId: string;
  year: number;
  pledgeFen: bigint;
  actorId: string;
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.status, 'verified')));
    if (!u) return false;
    await tx
      .insert(unitPledges)
      .values({ unitId, year, pledgeFen })
      .onConflictDoUpdate({ target: [unitPledges.unitId, unitPledges.year], set: { pledgeFen } });
    await recordAudit(
      {
        actorUserId: actorId,
        action: 'pledge.set',
        entity: 'unit',
        entityId: unitId,
        data: { year, pledgeFen: String(pledgeFen) },
      },
      tx,
    );
    return true;
  });
}

/** A unit's purchases line by line, for its Excel export. */
export async function listUnitPurchaseLines({ unitId }: { unitId: string }) {
  return rowsOf<{
    order_no: string;
    created_at: string;
    status: string;
    product_name: string;
    product_spec: string;
    unit_price_fen: number;
    quantity: number;
    line_total_fen: string;
    certified_at_sale: boolean;
    round_name: string | null;
  }>(
    await getDb().execute(sql`
      select o.order_no, o.created_at::text, o.status::text, oi.product_name, oi.product_spec, oi.unit_price_fen, oi.quantity, oi.line_total_fen::text, oi.certified_at_sale, r.name as round_name
      from orders o join order_items oi on oi.order_id = o.id left join promotion_rounds r on r.id = o.round_id
      where o.unit_id = ${unitId} order by o.created_at desc, oi.id`),
  );
}

/** The lines of an earlier order, as codes and quantities for 再来一单. */
export async function orderLinesForReorder({
  orderNo,
  unitId,
}: {
  orderNo: string;
  unitId: string;
}): Promise<string[][] | null> {
  const rows = rowsOf<{ code: string; quantity: number }>(
    await getDb().execute(sql`
      select p.code, oi.quantity from orders o join order_items oi on oi.order_id = o.id join products p on p.id = oi.product_id
      where o.order_no = ${orderNo} and o.unit_id = ${unitId} order by oi.id`),
  );
  return rows.length ? rows.map((r) => [r.code, String(r.quantity)]) : null;
}
