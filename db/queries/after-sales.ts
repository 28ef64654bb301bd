import 'server-only';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { OPEN_AFTER_SALES, type AfterSalesClass, type AfterSalesStatus } from '@/domain/after-sales';
import { getDb, rowsOf, type Executor } from '../client';
import { afterSalesCases, afterSalesPhotos, orderEvents, orderItems, orders, products, suppliers } from '../schema';

export type CaseRow = typeof afterSalesCases.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** One step of the order's timeline (receipt and after-sales). */
export async function insertOrderEvent(values: typeof orderEvents.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(orderEvents).values(values);
}

export async function listOrderEvents({ orderId }: { orderId: string }): Promise<OrderEventRow[]> {
  return getDb()
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
}

/** An order line with what after-sales needs: the product's class and the supplier's address. */
export async function getLineForCase({ orderId, orderItemId }: { orderId: string; orderItemId: string }, tx: Executor) {
  const [r] = await tx
    .select({
      id: orderItems.id,
      quantity: orderItems.quantity,
      unitPriceFen: orderItems.unitPriceFen,
      supplierId: orderItems.supplierId,
      productClass: products.afterSalesClass,
    })
    .from(orderItems)
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(and(eq(orderItems.orderId, orderId), eq(orderItems.id, BigInt(orderItemId))))
    .limit(1);
  return r ? { ...r, productClass: r.productClass as AfterSalesClass } : null;
}

/** Inserts the case; null when the line already has one (the unique index decides, also for two at once). */
export async function insertCase(values: typeof afterSalesCases.$inferInsert, tx: Executor): Promise<CaseRow | null> {
  const [r] = await tx.insert(afterSalesCases).values(values).onConflictDoNothing().returning();
  return r ?? null;
}

export async function insertCasePhotos(
  rows: { caseId: string; position: number; contentType: string; bytes: Uint8Array }[],
  tx: Executor,
): Promise<void> {
  if (rows.length) await tx.insert(afterSalesPhotos).values(rows);
}

export async function lockCase({ id }: { id: string }, tx: Executor): Promise<CaseRow | null> {
  const [r] = await tx.select().from(afterSalesCases).where(eq(afterSalesCases.id, id)).for('update');
  return r ?? null;
}

export async function updateCase(
  { id, ...values }: Partial<typeof afterSalesCases.$inferInsert> & { id: string },
  tx: Executor,
): Promise<void> {
  await tx
    .update(afterSalesCases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(afterSalesCases.id, id));
}

/** The supplier's return address (given to the buyer when a 退货退款 is accepted). */
export async function supplierReturnAddress({ supplierId }: { supplierId: number }, tx: Executor): Promise<string> {
  const [r] = await tx
    .select({ name: suppliers.name, address: suppliers.address })
    .from(suppliers)
    .where(eq(suppliers.id, supplierId));
  return r ? `${r.name}，${r.address || '请联系商家获取退货地址'}` : '';
}

const caseColumns = {
  case: afterSalesCases,
  orderNo: orders.orderNo,
  productName: orderItems.productName,
  productSpec: orderItems.productSpec,
  unitPriceFen: orderItems.unitPriceFen,
  lineQuantity: orderItems.quantity,
  supplierName: suppliers.name,
  photoIds: sql<
    string[]
  >`coalesce((select array_agg(p.id::text order by p.position) from after_sales_photos p where p.case_id = ${afterSalesCases.id}), '{}')`,
};

function casesQuery() {
  return getDb()
    .select(caseColumns)
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .innerJoin(orderItems, eq(orderItems.id, afterSalesCases.orderItemId))
    .innerJoin(suppliers, eq(suppliers.id, afterSalesCases.supplierId));
}
export type CaseListRow = Awaited<ReturnType<typeof listCasesForOrder>>[number];

export async function listCasesForOrder({ orderId }: { orderId: string }) {
  return casesQuery().where(eq(afterSalesCases.orderId, orderId)).orderBy(asc(afterSalesCases.createdAt));
}

/** A supplier's cases, open ones first. */
export async function listCasesForSupplier({ supplierId, limit }: { supplierId: number; limit: number }) {
  return casesQuery()
    .where(eq(afterSalesCases.supplierId, supplierId))
    .orderBy(sql`(${afterSalesCases.status} in ('requested', 'return_shipped')) desc`, desc(afterSalesCases.createdAt))
    .limit(limit);
}

/** The office's queue: cases it must decide, and returns waiting for a refund; then the rest, newest first. */
export async function listCasesForOffice({ statuses, limit }: { statuses: AfterSalesStatus[]; limit: number }) {
  return casesQuery()
    .where(inArray(afterSalesCases.status, statuses))
    .orderBy(asc(afterSalesCases.createdAt))
    .limit(limit);
}

/** Cases whose supplier let the 48-hour deadline pass. */
export async function overdueCaseIds({ now, limit }: { now: Date; limit: number }): Promise<string[]> {
  const rows = await getDb()
    .select({ id: afterSalesCases.id })
    .from(afterSalesCases)
    .where(and(eq(afterSalesCases.status, 'requested'), lte(afterSalesCases.supplierDeadline, now)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function countOpenCases(): Promise<number> {
  const [r] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(afterSalesCases)
    .where(inArray(afterSalesCases.status, [...OPEN_AFTER_SALES]));
  return r?.n ?? 0;
}

/** A photo with the ids that decide who may see it. */
export async function getCasePhoto({ id }: { id: string }) {
  const [r] = await getDb()
    .select({
      contentType: afterSalesPhotos.contentType,
      bytes: afterSalesPhotos.bytes,
      orderNo: orders.orderNo,
      supplierId: afterSalesCases.supplierId,
    })
    .from(afterSalesPhotos)
    .innerJoin(afterSalesCases, eq(afterSalesCases.id, afterSalesPhotos.caseId))
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .where(eq(afterSalesPhotos.id, id))
    .limit(1);
  return r ?? null;
}

/** Shipped orders whose last shipment is older than `before` and that nobody confirmed yet. */
export async function dueReceiptOrderIds({
  before,
  limit,
  unit,
}: {
  before: Date;
  limit: number;
  /** Unit purchase orders (验收, 15 days) or retail orders (确认收货, 10 days). */
  unit: boolean;
}): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select o.id from orders o
      where o.received_at is null and o.status::text in ('shipped', 'partially_refunded')
        and o.unit_id is ${unit ? sql`not null` : sql`null`}
        and exists (select 1 from shipments s where s.order_id = o.id)
        and (select max(s.shipped_at) from shipments s where s.order_id = o.id) <= ${before.toISOString()}::timestamptz
      limit ${limit}`),
  );
  return rows.map((r) => r.id);
}

/** Whether every supplier in the order has shipped its lines. */
export async function isFullyShipped({ orderId }: { orderId: string }, tx: Executor): Promise<boolean> {
  const [r] = rowsOf<{ ok: boolean }>(
    await tx.execute(sql`
      select (select count(distinct supplier_id) from order_items where order_id = ${orderId})
           = (select count(*) from shipments where order_id = ${orderId})
         and exists (select 1 from shipments where order_id = ${orderId}) as ok`),
  );
  return r?.ok === true;
}

export async function setOrderReceived(
  { orderId, status, at }: { orderId: string; status: string; at: Date },
  tx: Executor,
): Promise<void> {
  await tx
    .update(orders)
    .set({ status: status as typeof orders.$inferInsert.status, receivedAt: at, updatedAt: new Date() })
    .where(eq(orders.id, orderId));
}

/** A case with its order number, unlocked (read before a refund, which runs its own transactions). */
export async function getCaseWithOrderNo({ id }: { id: string }) {
  const [r] = await getDb()
    .select({ case: afterSalesCases, orderNo: orders.orderNo })
    .from(afterSalesCases)
    .innerJoin(orders, eq(orders.id, afterSalesCases.orderId))
    .where(eq(afterSalesCases.id, id))
    .limit(1);
  return r ?? null;
}
