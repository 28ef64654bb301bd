'use server';

import { revalidatePath } from 'next/cache';
import { getCaseWithOrderNo } from '@/db/queries/after-sales';
import { decideAfterSales, requestAfterSales } from '@/lib/after-sales/cases';
import { optionalUser, requireAdmin, requireSupplierMember } from '@/lib/auth/guards';
import { invalidate } from '@/lib/cache/invalidate';
import { AppError } from '@/lib/errors';
import { getOrderView } from '@/lib/orders/order-view';
import { canActOnOrder } from '@/lib/orders/access';
import { confirmReceipt } from '@/lib/orders/receipt';
import {
  afterSalesRequestSchema,
  caseDecisionSchema,
  caseIdSchema,
  receiptSchema,
  returnShipmentSchema,
} from '@/lib/validation/after-sales';
import { validatedAction } from './safe-action';

/** The buyer: the order's owner, its access token's cookie (a guest's checkout browser); never the lookup's view grant. */
async function buyerOf(orderNo: string): Promise<{ userId: string | null }> {
  const order = await getOrderView({ orderNo });
  const user = await optionalUser();
  if (!order || !(await canActOnOrder(order, { userId: user?.id }))) throw new AppError('not_found', '订单不存在');
  return { userId: user?.id ?? null };
}

const orderPages = (orderNo: string) => {
  revalidatePath(`/orders/${orderNo}`);
  revalidatePath('/workshop/after-sales');
  revalidatePath('/admin/after-sales');
};

/** 确认收货: once, however many times it is pressed. */
export const confirmReceiptAction = validatedAction(receiptSchema, async ({ orderNo }) => {
  const { userId } = await buyerOf(orderNo);
  const r = await confirmReceipt({ orderNo, actorId: userId });
  if (r === 'not_ready') throw new AppError('conflict', '订单尚未全部发货，暂不能确认收货');
  orderPages(orderNo);
  return { ok: true, message: r === 'confirmed' ? '已确认收货' : '该订单已确认收货' };
});

/** 申请售后 (退货退款 / 仅退款) with up to 3 photos, checked and re-encoded (lib/media). */
export const requestAfterSalesAction = validatedAction(afterSalesRequestSchema, async (f) => {
  const { userId } = await buyerOf(f.orderNo);
  const photos = await Promise.all(f.photos.map(async (p) => new Uint8Array(await p.arrayBuffer())));
  await requestAfterSales({ ...f, photos, actorId: userId });
  orderPages(f.orderNo);
  return { ok: true, message: '售后申请已提交，商家将在 48 小时内处理' };
});

/** The buyer's return shipment of an accepted 退货退款. */
export const shipReturnAction = validatedAction(
  returnShipmentSchema,
  async ({ orderNo, caseId, carrier, trackingNo }) => {
    const { userId } = await buyerOf(orderNo);
    await decideAfterSales({
      caseId,
      orderNo,
      step: { by: 'buyer', decision: 'ship_return' },
      actorId: userId,
      returnShipment: { carrier, trackingNo },
    });
    orderPages(orderNo);
    return { ok: true, message: '已提交退货物流' };
  },
);

async function caseOf(caseId: string) {
  const c = await getCaseWithOrderNo({ id: caseId });
  if (!c) throw new AppError('not_found', '售后申请不存在');
  return c;
}

/** The supplier's 同意 or 拒绝 (with its reason), within 48 hours. */
export const supplierDecideAfterSalesAction = validatedAction(
  caseDecisionSchema,
  async ({ caseId, decision, reason }) => {
    const c = await caseOf(caseId);
    const user = await requireSupplierMember(c.case.supplierId);
    const to = await decideAfterSales({
      caseId,
      supplierId: c.case.supplierId,
      step: { by: 'supplier', decision },
      actorId: user.id,
      note: reason || null,
    });
    orderPages(c.orderNo);
    if (to === 'refunded') await invalidate.refund({ orderId: c.case.orderId });
    return { ok: true, message: decision === 'agree' ? '已同意' : '已拒绝，已转交消费帮扶办公室处理' };
  },
);

/** The office's 同意 or 驳回 of a case the supplier refused or left unanswered. */
export const officeDecideAfterSalesAction = validatedAction(
  caseDecisionSchema,
  async ({ caseId, decision, reason }) => {
    const admin = await requireAdmin();
    const c = await caseOf(caseId);
    const to = await decideAfterSales({
      caseId,
      step: { by: 'office', decision: decision === 'agree' ? 'approve' : 'reject' },
      actorId: admin.id,
      note: reason || null,
    });
    orderPages(c.orderNo);
    if (to === 'refunded') await invalidate.refund({ orderId: c.case.orderId });
    return { ok: true, message: decision === 'agree' ? '已同意售后' : '已驳回' };
  },
);

/** 确认收到退货 (the supplier, or the office): the refund of the goods follows at once. */
export const confirmReturnAction = validatedAction(caseIdSchema, async ({ caseId }) => {
  const c = await caseOf(caseId);
  const user = await optionalUser();
  const office = user?.role === 'admin' && user.active;
  const actor = office ? user : await requireSupplierMember(c.case.supplierId);
  await decideAfterSales({
    caseId,
    ...(office ? {} : { supplierId: c.case.supplierId }),
    step: { by: office ? 'office' : 'supplier', decision: 'confirm_return' },
    actorId: actor.id,
  });
  orderPages(c.orderNo);
  await invalidate.refund({ orderId: c.case.orderId });
  return { ok: true, message: '已确认收到退货，款项已退回' };
});
