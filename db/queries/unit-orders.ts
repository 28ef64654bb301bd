import 'server-only';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AWAITING_PAYMENT_STATUSES } from '@/domain/money-movements';
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
  }>(
    await getDb().execute(sql`
      select o.order_no, o.created_at, o.status::text, oi.product_name, oi.product_spec, oi.unit_price_fen, oi.quantity, oi.line_total_fen::text, oi.certified_at_sale, r.name as round_name
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
