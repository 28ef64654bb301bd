import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AWAITING_PAYMENT_STATUSES } from '@/domain/money-movements';
import type { FundSource } from '@/domain/fund-source';
import type { OrderStatus } from '@/domain/order-state';
import type { PaymentTerms } from '@/domain/purchase-order';
import { getDb, rowsOf } from '../client';
import { orderMoneyColumns } from './columns';
import { parcelColumns } from './recipients';
import { orders, products, promotionRounds, suppliers, units, users } from '../schema';

/** Government units' purchase orders (采购单): their lists, the transfers awaited, print and export data. */

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
  refundedFen: bigint;
  paidAt: Date | null;
  createdAt: Date;
  userId: string | null;
  roundName: string | null;
  transferReference: string | null;
  dueAt: Date | null;
  paymentTerms: PaymentTerms;
  /** No approver of the unit may decide it: the programme office does. */
  officeApproval: boolean;
  /** Welfare orders: recipients' parcels shipped and in all (0 / 0 without recipients). */
  parcelsShipped: number;
  parcelsTotal: number;
};

export async function listUnitOrders({ unitId, limit }: { unitId: string; limit: number }): Promise<UnitOrderRow[]> {
  return getDb()
    .select({
      ...orderMoneyColumns,
      createdAt: orders.createdAt,
      userId: orders.userId,
      roundName: promotionRounds.name,
      transferReference: orders.transferReference,
      dueAt: orders.dueAt,
      paymentTerms: orders.paymentTerms,
      officeApproval: orders.officeApproval,
      ...parcelColumns,
    })
    .from(orders)
    .leftJoin(promotionRounds, eq(promotionRounds.id, orders.roundId))
    .where(eq(orders.unitId, unitId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

/**
 * Unit orders awaiting a bank transfer, soonest due first: approved and not yet paid, including pay-later
 * orders already shipped (the overdue list shows them until they are paid).
 */
export async function listTransfersAwaiting() {
  return getDb()
    .select({
      orderNo: orders.orderNo,
      status: orders.status,
      unitName: units.name,
      totalFen: orders.totalFen,
      paidFen: orders.paidFen,
      refundedFen: orders.refundedFen,
      transferReference: orders.transferReference,
      dueAt: orders.dueAt,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(units, eq(units.id, orders.unitId))
    .where(
      and(
        inArray(orders.status, [...AWAITING_PAYMENT_STATUSES]),
        isNull(orders.paidAt),
        eq(orders.paymentMethod, 'bank_transfer'),
      ),
    )
    .orderBy(asc(orders.dueAt));
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

export type UnitPurchaseLine = {
  orderNo: string;
  createdAt: Date;
  status: OrderStatus;
  productName: string;
  productSpec: string;
  unitPriceFen: number;
  quantity: number;
  lineTotalFen: bigint;
  certifiedAtSale: boolean;
  roundName: string | null;
  fundSource: FundSource | null;
};

/** A unit's purchases line by line, for its Excel export. */
export async function listUnitPurchaseLines({ unitId }: { unitId: string }): Promise<UnitPurchaseLine[]> {
  const rows = rowsOf<{
    order_no: string;
    created_at: Date | string;
    status: OrderStatus;
    product_name: string;
    product_spec: string;
    unit_price_fen: number;
    quantity: number;
    line_total_fen: string;
    certified_at_sale: boolean;
    round_name: string | null;
    fund_source: FundSource | null;
  }>(
    await getDb().execute(sql`
      select o.order_no, o.created_at, o.status::text, o.fund_source, oi.product_name, oi.product_spec, oi.unit_price_fen, oi.quantity, oi.line_total_fen::text, oi.certified_at_sale, r.name as round_name
      from orders o join order_items oi on oi.order_id = o.id left join promotion_rounds r on r.id = o.round_id
      where o.unit_id = ${unitId} order by o.created_at desc, oi.id`),
  );
  return rows.map((r) => ({
    orderNo: r.order_no,
    createdAt: new Date(r.created_at),
    status: r.status,
    productName: r.product_name,
    productSpec: r.product_spec,
    unitPriceFen: r.unit_price_fen,
    quantity: r.quantity,
    lineTotalFen: BigInt(r.line_total_fen),
    certifiedAtSale: r.certified_at_sale,
    roundName: r.round_name,
    fundSource: r.fund_source,
  }));
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

/** Purchase orders waiting for approval in every unit, oldest first, for the programme office's queue. */
export async function listPendingPurchaseOrders({ limit }: { limit: number }) {
  const rows = await getDb()
    .select({
      orderNo: orders.orderNo,
      unitId: orders.unitId,
      unitName: units.name,
      submittedBy: orders.userId,
      submitterName: users.name,
      totalFen: orders.totalFen,
      officeApproval: orders.officeApproval,
      createdAt: orders.createdAt,
      expiresAt: orders.expiresAt,
    })
    .from(orders)
    .innerJoin(units, eq(units.id, orders.unitId))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.status, 'pending_approval'))
    .orderBy(asc(orders.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, unitId: r.unitId! }));
}

/** A purchase order with what its approver must see: lines (with codes), submitter, round, recipients. */
export async function getPurchaseOrderFacts({ orderNo }: { orderNo: string }) {
  const db = getDb();
  const [o] = rowsOf<{
    id: string;
    order_no: string;
    unit_id: string | null;
    unit_name: string | null;
    user_id: string | null;
    submitter_name: string | null;
    status: OrderStatus;
    payment_terms: PaymentTerms;
    payment_method: string;
    round_name: string | null;
    office_approval: boolean;
    items_fen: string;
    shipping_fen: string;
    total_fen: string;
    paid_fen: string;
    refunded_fen: string;
    paid_at: Date | string | null;
    transfer_reference: string | null;
    due_at: Date | string | null;
    created_at: Date | string;
    decided_at: Date | string | null;
    reject_reason: string | null;
    fund_source: FundSource | null;
    recipients: string;
  }>(
    await db.execute(sql`
      select o.id, o.order_no, o.unit_id, u.name as unit_name, o.user_id, us.name as submitter_name, o.status::text,
        o.payment_terms::text, o.payment_method::text, r.name as round_name, o.office_approval,
        o.items_fen::text, o.shipping_fen::text, o.total_fen::text, o.paid_fen::text, o.refunded_fen::text, o.paid_at,
        o.transfer_reference, o.due_at, o.created_at, o.decided_at, o.reject_reason, o.fund_source,
        (select count(*) from order_recipients x where x.order_id = o.id)::text as recipients
      from orders o left join units u on u.id = o.unit_id left join users us on us.id = o.user_id
        left join promotion_rounds r on r.id = o.round_id
      where o.order_no = ${orderNo}`),
  );
  if (!o) return null;
  const lines = rowsOf<{
    slug: string;
    code: string;
    product_name: string;
    product_spec: string;
    unit_price_fen: number;
    quantity: number;
    line_total_fen: string;
    certified_at_sale: boolean;
  }>(
    await db.execute(sql`
      select p.slug, p.code, oi.product_name, oi.product_spec, oi.unit_price_fen, oi.quantity, oi.line_total_fen::text,
        oi.certified_at_sale
      from order_items oi join products p on p.id = oi.product_id where oi.order_id = ${o.id} order by oi.id`),
  );
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    id: o.id,
    orderNo: o.order_no,
    unitId: o.unit_id,
    unitName: o.unit_name ?? '',
    submittedBy: o.user_id,
    submitterName: o.submitter_name,
    status: o.status,
    paymentTerms: o.payment_terms,
    paymentMethod: o.payment_method,
    roundName: o.round_name,
    officeApproval: o.office_approval,
    itemsFen: BigInt(o.items_fen),
    shippingFen: BigInt(o.shipping_fen),
    totalFen: BigInt(o.total_fen),
    paidFen: BigInt(o.paid_fen),
    refundedFen: BigInt(o.refunded_fen),
    paidAt: at(o.paid_at),
    transferReference: o.transfer_reference,
    dueAt: at(o.due_at),
    createdAt: at(o.created_at)!,
    decidedAt: at(o.decided_at),
    rejectReason: o.reject_reason,
    fundSource: o.fund_source,
    recipientsCount: Number(o.recipients),
    lines: lines.map((l) => ({
      slug: l.slug,
      code: l.code,
      name: l.product_name,
      spec: l.product_spec,
      unitPriceFen: l.unit_price_fen,
      quantity: l.quantity,
      lineTotalFen: BigInt(l.line_total_fen),
      certified: l.certified_at_sale,
    })),
  };
}
