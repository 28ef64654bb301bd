import 'server-only';
import type { Executor } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { shipmentExists } from '@/db/queries/fulfilment';
import { lockOrder, readOrderRow, type OrderRow } from '@/db/queries/orders';
import {
  deliveryProgress,
  insertRecipientShipment,
  listOrderRecipients,
  listUnitRecipients,
  type RecipientRecord,
} from '@/db/queries/recipients';
import { transaction } from '@/db/tx';
import type { RowError } from '@/domain/bulk-order';
import { isShippable, type OrderStatus } from '@/domain/order-state';
import { maskMobile, maskName } from '@/domain/phone';
import {
  allParcelsShipped,
  maskAddress,
  matchTracking,
  parseTrackingSheet,
  recipientsRevealable,
  type Carrier,
  type DeliveryProgress,
} from '@/domain/recipient-shipping';
import { decryptText } from '@/lib/crypto/pii';
import { AppError } from '@/lib/errors';
import { recordSupplierShipment } from './shipping';

/**
 * 工会慰问品 shipped to every recipient (issue 15). The supplier of a parcel reads its recipient in full
 * while the order is paid or shippable, and every such read (page or 面单) is audited; everyone else reads
 * recipients masked. Parcels ship one by one or from the courier's sheet; the supplier's part of the order
 * is shipped (lib/orders/shipping.ts recordSupplierShipment) when its last parcel is.
 */

export type Parcel = {
  recipientNo: number;
  productName: string;
  productSpec: string;
  quantity: number;
  name: string;
  mobile: string;
  address: string;
  shipment: { carrier: string; trackingNo: string; at: Date } | null;
};

export type SupplierShippingList = {
  orderNo: string;
  status: OrderStatus;
  paidAt: Date | null;
  shippable: boolean;
  parcels: Parcel[];
  progress: DeliveryProgress;
};

/**
 * This supplier's parcels of the order, in full, for its manager; null (a 404) when the order is not paid or
 * shippable or has no recipients of this supplier's lines. The read is recorded in the audit log.
 */
export async function supplierShippingList(p: {
  orderNo: string;
  supplierId: number;
  actorId: string;
  purpose: 'view' | 'export';
}): Promise<SupplierShippingList | null> {
  const o = await readOrderRow({ orderNo: p.orderNo });
  if (!o || !recipientsRevealable(o)) return null;
  const records = await listOrderRecipients({ orderId: o.id, supplierId: p.supplierId });
  if (!records.length) return null;
  await recordAudit({
    actorUserId: p.actorId,
    action: p.purpose === 'view' ? 'recipients.view' : 'recipients.export',
    entity: 'order',
    entityId: o.orderNo,
    data: { supplierId: p.supplierId, recipients: records.length },
  });
  const parcels = records.map((r) => ({
    recipientNo: r.recipientNo,
    productName: r.productName,
    productSpec: r.productSpec,
    quantity: r.quantity,
    name: decryptText(r.nameEnc),
    mobile: decryptText(r.mobileEnc),
    address: decryptText(r.addressEnc),
    shipment: r.shipment,
  }));
  return {
    orderNo: o.orderNo,
    status: o.status,
    paidAt: o.paidAt,
    shippable: isShippable(o),
    parcels,
    progress: { shipped: parcels.filter((x) => x.shipment).length, total: parcels.length },
  };
}

/** Every recipient of an order, masked (张*, 139****2345, 个旧市金湖东****), for the unit and the office. */
export async function maskedRecipients({ orderId }: { orderId: string }): Promise<Parcel[]> {
  return (await listOrderRecipients({ orderId })).map(masked);
}

/** Every recipient of every order of a unit, masked, with its order number (the unit's export). */
export async function maskedUnitRecipients({ unitId }: { unitId: string }): Promise<(Parcel & { orderNo: string })[]> {
  return (await listUnitRecipients({ unitId })).map((r) => ({ ...masked(r), orderNo: r.orderNo }));
}

function masked(r: RecipientRecord): Parcel {
  return {
    recipientNo: r.recipientNo,
    productName: r.productName,
    productSpec: r.productSpec,
    quantity: r.quantity,
    name: maskName(decryptText(r.nameEnc)),
    mobile: maskMobile(decryptText(r.mobileEnc)),
    address: maskAddress(decryptText(r.addressEnc)),
    shipment: r.shipment,
  };
}

/** When this supplier's last parcel has shipped, its part of the order is shipped (the one state machine). */
async function settleSupplierPart(o: OrderRow, supplierId: number, actorId: string, tx: Executor): Promise<void> {
  const progress = (await deliveryProgress({ orderIds: [o.id], supplierId }, tx)).get(o.id);
  if (!progress || !allParcelsShipped(progress)) return;
  if (await shipmentExists({ orderId: o.id, supplierId }, tx)) return;
  const carriers = [
    ...new Set((await listOrderRecipients({ orderId: o.id, supplierId }, tx)).map((r) => r.shipment!.carrier)),
  ];
  await recordSupplierShipment(
    {
      order: o,
      supplierId,
      carrier: carriers.length === 1 ? carriers[0]! : '多家快递',
      trackingNo: `${progress.total} 个包裹（按收货人）`,
      actorId,
      data: { parcels: progress.total },
    },
    tx,
  );
}

/** The locked, shippable order and this supplier's parcels of it; not_found otherwise. */
async function lockedParcels(orderNo: string, supplierId: number, tx: Executor) {
  const o = await lockOrder({ orderNo }, tx);
  if (!o || !isShippable(o)) throw new AppError('not_found', '订单不存在、未付款，或不含本供应商的收货人');
  const records = await listOrderRecipients({ orderId: o.id, supplierId }, tx);
  if (!records.length) throw new AppError('not_found', '订单不存在、未付款，或不含本供应商的收货人');
  return { o, records };
}

/** 发货 of one parcel. 'already' when it was shipped before (by this or another manager, at the same time too). */
export async function shipParcel(p: {
  orderNo: string;
  supplierId: number;
  recipientNo: number;
  carrier: Carrier;
  trackingNo: string;
  actorId: string;
}): Promise<'shipped' | 'already'> {
  return transaction(
    async (tx) => {
      const { o, records } = await lockedParcels(p.orderNo, p.supplierId, tx);
      const r = records.find((x) => x.recipientNo === p.recipientNo);
      if (!r) throw new AppError('not_found', `收货人编号 ${p.recipientNo} 不在本店的发货清单中`);
      if (r.shipment) return 'already';
      const { supplierId, carrier, trackingNo } = p;
      if (
        !(await insertRecipientShipment(
          { orderId: o.id, recipientId: r.id, supplierId, carrier, trackingNo, shippedBy: p.actorId },
          tx,
        ))
      )
        return 'already';
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'order.ship_parcel',
          entity: 'order',
          entityId: o.orderNo,
          data: { supplierId, recipientNo: p.recipientNo, carrier },
        },
        tx,
      );
      await settleSupplierPart(o, supplierId, p.actorId, tx);
      return 'shipped';
    },
    { retry: true },
  );
}

const rowErrors = (errors: RowError[]) => {
  const shown = errors.slice(0, 20).map((e) => (e.row ? `第 ${e.row} 行：${e.message}` : e.message));
  const more = errors.length > 20 ? `\n另有 ${errors.length - 20} 处错误` : '';
  return new AppError('invalid_input', `共 ${errors.length} 处错误，未录入任何运单号`, {
    file: shown.join('\n') + more,
  });
};

/**
 * The courier's batch sheet (rows read by lib/bulk/read-sheet): every row is checked against this supplier's
 * parcels of this order first; any error records nothing. Rows repeating a recorded shipment are unchanged,
 * so a replayed upload changes nothing.
 */
export async function applyTrackingSheet(p: {
  orderNo: string;
  supplierId: number;
  rows: string[][];
  defaultCarrier: Carrier | null;
  actorId: string;
}): Promise<{ shipped: number; unchanged: number }> {
  const parsed = parseTrackingSheet(p.rows, p.defaultCarrier);
  if (parsed.errors.length) throw rowErrors(parsed.errors);
  return transaction(
    async (tx) => {
      const { o, records } = await lockedParcels(p.orderNo, p.supplierId, tx);
      const states = records.map((r) => ({
        recipientNo: r.recipientNo,
        name: decryptText(r.nameEnc),
        shipment: r.shipment,
      }));
      const matched = matchTracking(parsed.lines, o.orderNo, states);
      if (matched.errors.length) throw rowErrors(matched.errors);
      const idOf = new Map(records.map((r) => [r.recipientNo, r.id]));
      let shipped = 0;
      for (const l of matched.toShip) {
        const written = await insertRecipientShipment(
          {
            orderId: o.id,
            recipientId: idOf.get(l.recipientNo)!,
            supplierId: p.supplierId,
            carrier: l.carrier,
            trackingNo: l.trackingNo,
            shippedBy: p.actorId,
          },
          tx,
        );
        if (written) shipped++;
      }
      if (shipped) {
        await recordAudit(
          {
            actorUserId: p.actorId,
            action: 'order.ship_parcels',
            entity: 'order',
            entityId: o.orderNo,
            data: { supplierId: p.supplierId, parcels: shipped },
          },
          tx,
        );
        await settleSupplierPart(o, p.supplierId, p.actorId, tx);
      }
      return { shipped, unchanged: matched.unchanged + matched.toShip.length - shipped };
    },
    { retry: true },
  );
}
