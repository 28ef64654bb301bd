import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  countShipments,
  insertShipment,
  listSupplierOrderRecords,
  orderSupplierIds,
  shipmentExists,
} from '@/db/queries/fulfilment';
import { lockOrder, setOrderStatus, type OrderRow } from '@/db/queries/orders';
import { deliveryProgress } from '@/db/queries/recipients';
import type { Executor } from '@/db/client';
import { transaction } from '@/db/tx';
import { assertTransition, isShippable, type OrderStatus } from '@/domain/order-state';
import { maskMobile, maskName } from '@/domain/phone';
import type { DeliveryProgress } from '@/domain/recipient-shipping';
import { decryptText } from '@/lib/crypto/pii';
import type { Address } from './place-order';

/**
 * 发货: suppliers ship their own lines of paid orders, and of approved pay-later (先货后款) unit orders
 * before they are paid (domain/order-state isShippable). The one shipping service.
 */

export type SupplierOrder = {
  orderNo: string;
  /** This supplier's parcels when the order ships to recipients (已发 N / M); null otherwise. */
  parcels: DeliveryProgress | null;
  status: OrderStatus;
  paidAt: Date | null;
  contactName: string;
  contactMobile: string;
  address: Address;
  lines: { name: string; spec: string; quantity: number }[];
  shipment: { carrier: string; trackingNo: string; at: Date } | null;
};

/**
 * The shippable orders that contain this supplier's lines, with only those lines. The buyer's name and
 * mobile number are masked; the address is shown, as it is needed to ship.
 */
export async function listSupplierOrders(p: { supplierId: number; limit: number }): Promise<SupplierOrder[]> {
  const records = await listSupplierOrderRecords(p);
  const progress = await deliveryProgress({ orderIds: records.map((r) => r.orderId), supplierId: p.supplierId });
  return records.map(({ orderId, contactNameEnc, contactMobileEnc, shippingAddressEnc, ...r }) => ({
    ...r,
    parcels: progress.get(orderId) ?? null,
    contactName: maskName(decryptText(contactNameEnc)),
    contactMobile: maskMobile(decryptText(contactMobileEnc)),
    address: JSON.parse(decryptText(shippingAddressEnc)) as Address,
  }));
}

/**
 * 发货: records this supplier's shipment of a shippable order. When every supplier in the order has shipped,
 * the order is 已发货; before that, 部分发货. Returns 'not_found' when the order has no lines of this
 * supplier (or is not paid), 'already' when this supplier has shipped it.
 */
export async function shipSupplierLines(p: {
  orderNo: string;
  supplierId: number;
  carrier: string;
  trackingNo: string;
  actorId: string;
}): Promise<'shipped' | 'not_found' | 'already' | 'per_recipient'> {
  return transaction(
    async (tx) => {
      const o = await lockOrder({ orderNo: p.orderNo }, tx);
      if (!o || !isShippable(o)) return 'not_found';
      const suppliers = await orderSupplierIds({ orderId: o.id }, tx);
      if (!suppliers.includes(p.supplierId)) return 'not_found';
      if (await shipmentExists({ orderId: o.id, supplierId: p.supplierId }, tx)) return 'already';
      // An order with recipients for this supplier's lines ships parcel by parcel (lib/orders/recipients.ts).
      if ((await deliveryProgress({ orderIds: [o.id], supplierId: p.supplierId }, tx)).size) return 'per_recipient';
      await recordSupplierShipment({ order: o, suppliers, ...p }, tx);
      return 'shipped';
    },
    { retry: true },
  );
}

/**
 * The one way an order becomes shipped: records this supplier's shipment of the locked order and moves the
 * order to 部分发货, or 已发货 once every supplier in it has shipped. The caller holds the order's row lock
 * and has checked that the order is shippable and this supplier has not shipped yet.
 */
export async function recordSupplierShipment(
  p: {
    order: OrderRow;
    suppliers?: number[];
    supplierId: number;
    carrier: string;
    trackingNo: string;
    actorId: string;
    data?: Record<string, unknown>;
  },
  tx: Executor,
): Promise<void> {
  const o = p.order;
  const suppliers = p.suppliers ?? (await orderSupplierIds({ orderId: o.id }, tx));
  const { supplierId, carrier, trackingNo } = p;
  await insertShipment({ orderId: o.id, supplierId, carrier, trackingNo }, tx);
  const shipped = await countShipments({ orderId: o.id }, tx);
  const to: OrderStatus = shipped >= suppliers.length ? 'shipped' : 'partially_shipped';
  if (o.status !== 'partially_refunded') {
    if (o.status !== to) assertTransition(o.status, to);
    await setOrderStatus({ orderId: o.id, status: to }, tx);
  }
  await recordAudit(
    {
      actorUserId: p.actorId,
      action: 'order.ship',
      entity: 'order',
      entityId: o.orderNo,
      data: { supplierId: p.supplierId, carrier: p.carrier, ...p.data },
    },
    tx,
  );
}
