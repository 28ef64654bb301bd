import type { OrderView } from '@/lib/orders/order-view';

/** The API's order shape (CONTRACT.md). Money is integer fen; personal data only masked. */
export function orderJson(o: NonNullable<OrderView>) {
  return {
    orderNo: o.orderNo,
    status: o.status,
    totalFen: Number(o.totalFen),
    itemsFen: Number(o.itemsFen),
    shippingFen: Number(o.shippingFen),
    paidFen: Number(o.paidFen),
    refundedFen: Number(o.refundedFen),
    paymentMethod: o.paymentMethod,
    contact: { name: o.contact.nameMasked, mobile: o.contact.mobileMasked },
    items: o.items.map((i) => ({
      name: i.name,
      spec: i.spec,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      lineTotalFen: Number(i.lineTotalFen),
      certified: i.certifiedAtSale,
      certificateNo: i.certificateNo,
    })),
    shipments: o.shipments.map((s) => ({
      carrier: s.carrier,
      trackingNo: s.trackingNo,
      shippedAt: s.at.toISOString(),
    })),
    createdAt: o.createdAt.toISOString(),
    paidAt: o.paidAt?.toISOString() ?? null,
    expiresAt: o.expiresAt?.toISOString() ?? null,
  };
}
