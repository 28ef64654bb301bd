import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, rowsOf, type Executor } from '../client';
import { orderReceipts, orders } from '../schema';

/** 验收: a unit's acceptance of a purchase order, and the office's list of orders still not accepted. */

export async function insertOrderReceipt(values: typeof orderReceipts.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(orderReceipts).values(values);
}

/** The acceptance of an order (without the photo's bytes), or null. */
export async function getOrderReceipt({ orderId }: { orderId: string }) {
  const [r] = await getDb()
    .select({
      auto: orderReceipts.auto,
      note: orderReceipts.note,
      hasPhoto: sql<boolean>`${orderReceipts.photoBytes} is not null`,
      at: orderReceipts.createdAt,
      receivedBy: orderReceipts.receivedBy,
    })
    .from(orderReceipts)
    .where(eq(orderReceipts.orderId, orderId));
  return r ?? null;
}

/** The acceptance photo of an order, with its unit (the route checks the viewer against it). */
export async function getReceiptPhoto({ orderNo }: { orderNo: string }) {
  const [r] = await getDb()
    .select({ unitId: orders.unitId, contentType: orderReceipts.photoContentType, bytes: orderReceipts.photoBytes })
    .from(orderReceipts)
    .innerJoin(orders, eq(orders.id, orderReceipts.orderId))
    .where(eq(orders.orderNo, orderNo));
  return r?.bytes && r.contentType ? { unitId: r.unitId, contentType: r.contentType, bytes: r.bytes } : null;
}

export type UnreceivedUnitOrder = {
  orderNo: string;
  unitName: string;
  totalFen: bigint;
  lastShippedAt: Date;
};

/** Unit orders fully shipped at least `olderThanDays` ago and not accepted yet, oldest first. */
export async function listUnreceivedUnitOrders({
  olderThanDays,
  now = new Date(),
}: {
  olderThanDays: number;
  now?: Date;
}): Promise<UnreceivedUnitOrder[]> {
  const before = new Date(now.getTime() - olderThanDays * 86_400_000);
  const rows = rowsOf<{ order_no: string; unit_name: string; total_fen: string; last: Date | string }>(
    await getDb().execute(sql`
      select o.order_no, u.name as unit_name, o.total_fen::text, s.last
      from orders o join units u on u.id = o.unit_id
      join (select order_id, max(shipped_at) as last from shipments group by order_id) s on s.order_id = o.id
      where o.received_at is null and o.status::text in ('shipped', 'partially_refunded')
        and s.last <= ${before.toISOString()}::timestamptz
      order by s.last limit 200`),
  );
  return rows.map((r) => ({
    orderNo: r.order_no,
    unitName: r.unit_name,
    totalFen: BigInt(r.total_fen),
    lastShippedAt: new Date(r.last),
  }));
}

/** When an order's last shipment left (null until its every supplier has shipped). */
export async function lastShipmentAt({ orderId }: { orderId: string }): Promise<Date | null> {
  const [r] = rowsOf<{ last: Date | string | null }>(
    await getDb().execute(sql`select max(shipped_at) as last from shipments where order_id = ${orderId}`),
  );
  return r?.last ? new Date(r.last) : null;
}
