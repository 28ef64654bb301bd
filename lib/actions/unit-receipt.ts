'use server';

import { readOrderRow } from '@/db/queries/orders';
import { requireUnitMember } from '@/lib/auth/guards';
import { invalidate } from '@/lib/cache/invalidate';
import { AppError } from '@/lib/errors';
import { processReceiptScan } from '@/lib/media/process';
import { confirmReceipt } from '@/lib/orders/receipt';
import { unitReceiptSchema } from '@/lib/validation/after-sales';
import { validatedAction } from './safe-action';

/**
 * 验收 (确认收货) of a unit's purchase order by a member of that unit, with an optional note and one photo
 * (checked and re-encoded like 售后 photos). Once, however many times it is pressed; the order is 已完成.
 */
export const confirmUnitReceiptAction = validatedAction(unitReceiptSchema, async ({ orderNo, note, photo }) => {
  const order = await readOrderRow({ orderNo });
  if (!order?.unitId) throw new AppError('not_found', '采购单不存在');
  const me = await requireUnitMember(order.unitId);
  let processed: { contentType: string; bytes: Uint8Array } | null = null;
  if (photo) {
    const r = await processReceiptScan(new Uint8Array(await photo.arrayBuffer()));
    if (!r.ok) throw new AppError('invalid_input', `照片：${r.error}`, { photo: r.error });
    processed = r.value;
  }
  const r = await confirmReceipt({ orderNo, actorId: me.id, unit: { unitId: order.unitId, note, photo: processed } });
  if (r === 'not_ready') throw new AppError('conflict', '还有收货人的包裹未发货，全部发货后才能验收');
  invalidate.unitReceipt(orderNo);
  return { ok: true, message: r === 'confirmed' ? '已验收，采购单已完成' : '该采购单已验收' };
});
