import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { AWAITING_PAYMENT_STATUSES } from '@/domain/money-movements';
import type { OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf, type Executor } from '../client';
import { shipments } from '../schema';

/**
 * Shipping: the shippable orders with a supplier's lines (paid, or approved pay-later ones not yet paid:
 * domain/order-state isShippable), and the shipments recorded against them.
 */

export type SupplierOrderRecord = {
  orderId: string;
  orderNo: string;
  status: OrderStatus;
  paidAt: Date | null;
  /** Personal data as stored (encrypted); lib/orders/shipping.ts masks it. */
  contactNameEnc: Uint8Array;
  contactMobileEnc: Uint8Array;
  shippingAddressEnc: Uint8Array;
  lines: { name: string; spec: string; quantity: number }[];
  shipment: { carrier: string; trackingNo: string; at: Date } | null;
};

/** The shippable orders that contain this supplier's lines, with only those lines, unshipped first. */
export async function listSupplierOrderRecords({
  supplierId,
  limit,
}: {
  supplierId: number;
  limit: number;
}): Promise<SupplierOrderRecord[]> {
  const rows = rowsOf<{
    id: string;
    order_no: string;
    status: OrderStatus;
    paid_at: Date | string | null;
    contact_name_enc: Uint8Array;
    contact_mobile_enc: Uint8Array;
    shipping_address_enc: Uint8Array;
    lines: { name: string; spec: string; quantity: number }[] | string;
    carrier: string | null;
    tracking_no: string | null;
    shipped_at: Date | string | null;
  }>(
    await getDb().execute(sql`
      select o.id, o.order_no, o.status::text, o.paid_at, o.contact_name_enc, o.contact_mobile_enc, o.shipping_address_enc,
             json_agg(json_build_object('name', oi.product_name, 'spec', oi.product_spec, 'quantity', oi.quantity) order by oi.id) as lines,
             s.carrier, s.tracking_no, s.shipped_at
      from orders o
      join order_items oi on oi.order_id = o.id and oi.supplier_id = ${supplierId}
      left join shipments s on s.order_id = o.id and s.supplier_id = ${supplierId}
      where o.paid_at is not null
         or (o.payment_terms = 'pay_later' and o.decided_at is not null and o.status::text in (${sql.join(
           AWAITING_PAYMENT_STATUSES.map((x) => sql`${x}`),
           sql`, `,
         )}))
      group by o.id, s.id
      order by (s.id is null) desc, coalesce(o.paid_at, o.decided_at) desc
      limit ${limit}`),
  );
  return rows.map((r) => ({
    orderId: r.id,
    orderNo: r.order_no,
    status: r.status,
    paidAt: r.paid_at ? new Date(r.paid_at) : null,
    contactNameEnc: r.contact_name_enc,
    contactMobileEnc: r.contact_mobile_enc,
    shippingAddressEnc: r.shipping_address_enc,
    lines: typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines,
    shipment: r.carrier ? { carrier: r.carrier, trackingNo: r.tracking_no!, at: new Date(r.shipped_at!) } : null,
  }));
}

/** The suppliers whose products are in the order. */
export async function orderSupplierIds({ orderId }: { orderId: string }, tx: Executor): Promise<number[]> {
  const rows = rowsOf<{ supplier_id: number }>(
    await tx.execute(sql`select distinct supplier_id from order_items where order_id = ${orderId}`),
  );
  return rows.map((r) => r.supplier_id);
}

export async function shipmentExists({ orderId, supplierId }: { orderId: string; supplierId: number }, tx: Executor) {
  const [s] = await tx
    .select({ id: shipments.id })
    .from(shipments)
    .where(and(eq(shipments.orderId, orderId), eq(shipments.supplierId, supplierId)));
  return !!s;
}

export async function insertShipment(values: typeof shipments.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(shipments).values(values);
}

export async function countShipments({ orderId }: { orderId: string }, tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(shipments).where(eq(shipments.orderId, orderId));
  return r?.n ?? 0;
}
