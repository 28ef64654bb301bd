import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { decryptText } from '@/lib/crypto/pii';
import { assertTransition, type OrderStatus } from '@/domain/order-state';
import { maskMobile, maskName } from '@/domain/phone';
import { getDb, rowsOf } from '../client';
import { orders, shipments } from '../schema';
import { withTxRetry } from '../tx';
import { recordAudit } from './audit';
import type { Address } from './orders';

const SHIPPABLE: OrderStatus[] = ['paid', 'partially_shipped', 'partially_refunded'];

export type SupplierOrder = {
  orderNo: string;
  status: OrderStatus;
  paidAt: Date | null;
  contactName: string;
  contactMobile: string;
  address: Address;
  lines: { name: string; spec: string; quantity: number }[];
  shipment: { carrier: string; trackingNo: string; at: Date } | null;
};

/**
 * The paid orders that contain this supplier's lines, with only those lines. The buyer's name and
 * mobile number are masked; the address is shown, as it is needed to ship.
 */
export async function listSupplierOrders({
  supplierId,
  limit,
}: {
  supplierId: number;
  limit: number;
}): Promise<SupplierOrder[]> {
  const rows = rowsOf<{
    id: string;
    order_no: string;
    status: string;
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
      group by o.id, s.id
      order by (s.id is null) desc, o.paid_at desc
      limit ${limit}`),
  );
  return rows.map((r) => ({
    orderNo: r.order_no,
    status: r.status as OrderStatus,
    paidAt: r.paid_at ? new Date(r.paid_at) : null,
    contactName: maskName(decryptText(r.contact_name_enc)),
    contactMobile: maskMobile(decryptText(r.contact_mobile_enc)),
    address: JSON.parse(decryptText(r.shipping_address_enc)) as Address,
    lines: typeof r.lines === 'string' ? JSON.parse(r.lines) : r.lines,
    shipment: r.carrier ? { carrier: r.carrier, trackingNo: r.tracking_no!, at: new Date(r.shipped_at!) } : null,
  }));
}

/**
 * 发货: records this supplier's shipment of a paid order. When every supplier in the order has shipped,
 * the order is 已发货; before that, 部分发货. Returns 'not_found' when the order has no lines of this
 * supplier (or is not paid), 'already' when this supplier has shipped it.
 */
export async function shipSupplierLines(p: {
  orderNo: string;
  supplierId: number;
  carrier: string;
  trackingNo: string;
  actorId: string;
}): Promise<'shipped' | 'not_found' | 'already'> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const [o] = await tx.select().from(orders).where(eq(orders.orderNo, p.orderNo)).for('update');
      if (!o || !SHIPPABLE.includes(o.status)) return 'not_found';
      const suppliers = rowsOf<{ supplier_id: number }>(
        await tx.execute(sql`select distinct supplier_id from order_items where order_id = ${o.id}`),
      ).map((r) => r.supplier_id);
      if (!suppliers.includes(p.supplierId)) return 'not_found';
      const [existing] = await tx
        .select({ id: shipments.id })
        .from(shipments)
        .where(and(eq(shipments.orderId, o.id), eq(shipments.supplierId, p.supplierId)));
      if (existing) return 'already';
      await tx
        .insert(shipments)
        .values({ orderId: o.id, supplierId: p.supplierId, carrier: p.carrier, trackingNo: p.trackingNo });
      const shipped = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from shipments where order_id = ${o.id}`),
      )[0]!.n;
      const to: OrderStatus = shipped >= suppliers.length ? 'shipped' : 'partially_shipped';
      if (o.status !== 'partially_refunded') {
        if (o.status !== to) assertTransition(o.status, to);
        await tx
          .update(orders)
          .set({ status: to, updatedAt: sql`now()` })
          .where(eq(orders.id, o.id));
      }
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'order.ship',
          entity: 'order',
          entityId: o.orderNo,
          data: { supplierId: p.supplierId, carrier: p.carrier },
        },
        tx,
      );
      return 'shipped';
    }),
  );
}
