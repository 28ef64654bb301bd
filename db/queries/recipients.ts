import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { getDb, rowsOf, type Executor } from '../client';
import { orders, recipientShipments } from '../schema';

/**
 * 工会慰问品 recipients (order_recipients) and their parcels (recipient_shipments). Recipients are numbered
 * 1…N per order in the order of the unit's sheet; the supplier of a parcel is the supplier of its product's
 * line in that order.
 */

export type RecipientRecord = {
  id: string;
  recipientNo: number;
  productId: number;
  supplierId: number;
  productName: string;
  productSpec: string;
  quantity: number;
  /** Personal data as stored (encrypted): lib/orders/recipients.ts decrypts and masks it. */
  nameEnc: Uint8Array;
  mobileEnc: Uint8Array;
  addressEnc: Uint8Array;
  shipment: { carrier: string; trackingNo: string; at: Date } | null;
};

type RecipientSqlRow = {
  id: string;
  order_no: string;
  recipient_no: number | string;
  product_id: number;
  supplier_id: number;
  product_name: string;
  product_spec: string;
  quantity: number;
  name_enc: Uint8Array;
  mobile_enc: Uint8Array;
  address_enc: Uint8Array;
  carrier: string | null;
  tracking_no: string | null;
  shipped_at: Date | string | null;
};

/** Recipients of the orders `orderFilter` selects (a condition on `o2`), numbered within their order. */
async function recipientRows(orderFilter: SQL, supplierId: number | undefined, ex: Executor) {
  const rows = rowsOf<RecipientSqlRow>(
    await ex.execute(sql`
      select n.*, o.order_no, oi.supplier_id, oi.product_name, oi.product_spec, s.carrier, s.tracking_no, s.shipped_at
      from (select r.id, r.order_id, r.product_id, r.quantity, r.name_enc, r.mobile_enc, r.address_enc,
                   row_number() over (partition by r.order_id order by r.source_row, r.id) as recipient_no
            from order_recipients r join orders o2 on o2.id = r.order_id where ${orderFilter}) n
      join orders o on o.id = n.order_id
      join order_items oi on oi.order_id = n.order_id and oi.product_id = n.product_id
      left join recipient_shipments s on s.recipient_id = n.id
      ${supplierId === undefined ? sql`` : sql`where oi.supplier_id = ${supplierId}`}
      order by o.created_at desc, n.recipient_no`),
  );
  return rows.map((r) => ({
    id: r.id,
    orderNo: r.order_no,
    recipientNo: Number(r.recipient_no),
    productId: r.product_id,
    supplierId: r.supplier_id,
    productName: r.product_name,
    productSpec: r.product_spec,
    quantity: r.quantity,
    nameEnc: r.name_enc,
    mobileEnc: r.mobile_enc,
    addressEnc: r.address_enc,
    shipment: r.carrier ? { carrier: r.carrier, trackingNo: r.tracking_no!, at: new Date(r.shipped_at!) } : null,
  }));
}

/** Every recipient of an order (or only the parcels of one supplier), numbered, with its shipment. */
export async function listOrderRecipients(
  { orderId, supplierId }: { orderId: string; supplierId?: number },
  ex: Executor = getDb(),
): Promise<RecipientRecord[]> {
  return recipientRows(sql`o2.id = ${orderId}`, supplierId, ex);
}

/** Every recipient of every order of a unit (newest order first), for the unit's export. */
export async function listUnitRecipients({
  unitId,
}: {
  unitId: string;
}): Promise<(RecipientRecord & { orderNo: string })[]> {
  return recipientRows(sql`o2.unit_id = ${unitId}`, undefined, getDb());
}

/** Records a parcel's shipment once: false when it was already recorded (by anyone). */
export async function insertRecipientShipment(
  values: typeof recipientShipments.$inferInsert,
  tx: Executor,
): Promise<boolean> {
  const rows = await tx
    .insert(recipientShipments)
    .values(values)
    .onConflictDoNothing({ target: recipientShipments.recipientId })
    .returning({ id: recipientShipments.id });
  return rows.length === 1;
}

/** 已发 N / M per order (order id → progress), all suppliers' parcels or only one supplier's. Orders without recipients are absent. */
export async function deliveryProgress(
  { orderIds, supplierId }: { orderIds: string[]; supplierId?: number },
  ex: Executor = getDb(),
): Promise<Map<string, { shipped: number; total: number }>> {
  if (!orderIds.length) return new Map();
  const rows = rowsOf<{ order_id: string; total: number | string; shipped: number | string }>(
    await ex.execute(sql`
      select r.order_id, count(*) as total, count(s.id) as shipped
      from order_recipients r
      ${
        supplierId === undefined
          ? sql``
          : sql`join order_items oi on oi.order_id = r.order_id and oi.product_id = r.product_id and oi.supplier_id = ${supplierId}`
      }
      left join recipient_shipments s on s.recipient_id = r.id
      where r.order_id in (${sql.join(
        orderIds.map((id) => sql`${id}`),
        sql`, `,
      )})
      group by r.order_id`),
  );
  return new Map(rows.map((r) => [r.order_id, { shipped: Number(r.shipped), total: Number(r.total) }]));
}

/** 已发 N / M as two columns of a select on orders (0 / 0 for an order without recipients). */
export const parcelColumns = {
  parcelsTotal: sql<number>`(select count(*) from order_recipients pr where pr.order_id = ${orders.id})`.mapWith(
    Number,
  ),
  parcelsShipped: sql<number>`(select count(*) from recipient_shipments ps where ps.order_id = ${orders.id})`.mapWith(
    Number,
  ),
};
