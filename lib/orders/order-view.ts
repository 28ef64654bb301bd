import 'server-only';
import { findOrderNoByMobileHash, getOrderRecord } from '@/db/queries/orders';
import { maskMobile, maskName } from '@/domain/phone';
import { mobileLookupHash } from '@/lib/accounts/login-key';
import { decryptText } from '@/lib/crypto/pii';
import type { Address } from './place-order';

export type OrderView = Awaited<ReturnType<typeof getOrderView>>;

/**
 * An order with its lines, money movements and shipments, its personal data decrypted. Callers show it only
 * to whom may see it (lib/orders/access.ts) and mask it elsewhere (the masked forms are included).
 */
export async function getOrderView({ orderNo }: { orderNo: string }) {
  const r = await getOrderRecord({ orderNo });
  if (!r) return null;
  const { order: o } = r;
  const name = decryptText(o.contactNameEnc);
  const mobile = decryptText(o.contactMobileEnc);
  return {
    id: o.id,
    orderNo: o.orderNo,
    userId: o.userId,
    unitId: o.unitId,
    paymentTerms: o.paymentTerms,
    fundSource: o.fundSource,
    status: o.status,
    paymentMethod: o.paymentMethod,
    itemsFen: o.itemsFen,
    shippingFen: o.shippingFen,
    totalFen: o.totalFen,
    paidFen: o.paidFen,
    refundedFen: o.refundedFen,
    accessTokenHash: o.accessTokenHash,
    contact: { name, mobile, mobileMasked: maskMobile(mobile), nameMasked: maskName(name) },
    address: JSON.parse(decryptText(o.shippingAddressEnc)) as Address,
    invoice: o.invoiceTitle ? { title: o.invoiceTitle, taxNo: o.invoiceTaxNo } : null,
    createdAt: o.createdAt,
    paidAt: o.paidAt,
    decidedAt: o.decidedAt,
    dueAt: o.dueAt,
    rejectReason: o.rejectReason,
    expiresAt: o.expiresAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    receivedAt: o.receivedAt,
    items: r.items.map(({ item: i, slug, afterSalesClass }) => ({
      id: String(i.id),
      slug,
      productId: i.productId,
      supplierId: i.supplierId,
      name: i.productName,
      spec: i.productSpec,
      unitPriceFen: i.unitPriceFen,
      quantity: i.quantity,
      lineTotalFen: i.lineTotalFen,
      certificateNo: i.certificateNo,
      certifiedAtSale: i.certifiedAtSale,
      afterSalesClass,
    })),
    movements: r.movements.map((m) => ({
      kind: m.kind,
      provider: m.provider,
      state: m.state,
      amountFen: m.amountFen,
      currency: m.currency,
      at: m.createdAt,
    })),
    shipments: r.shipments.map((s) => ({
      supplierId: s.supplierId,
      carrier: s.carrier,
      trackingNo: s.trackingNo,
      at: s.shippedAt,
    })),
  };
}

/** Guest lookup: order number plus the mobile number given at checkout. */
export async function findOrderNoForGuest({ orderNo, mobile }: { orderNo: string; mobile: string }) {
  return findOrderNoByMobileHash({ orderNo, mobileHash: mobileLookupHash(mobile) });
}
