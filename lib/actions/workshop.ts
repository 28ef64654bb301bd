'use server';

import { z } from 'zod';
import { updateSupplierProfile } from '@/lib/accounts/suppliers';
import { shipSupplierLines } from '@/lib/orders/shipping';
import { applyTrackingSheet, shipParcel } from '@/lib/orders/recipients';
import { readSheet } from '@/lib/bulk/read-sheet';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';
import { TRACKING_NO, TRACKING_NO_MESSAGE } from '@/domain/recipient-shipping';
import { requireSupplierMember } from '@/lib/auth/guards';
import { CARRIERS } from '@/domain/labels';
import { orderNoSchema } from '@/lib/validation/orders';
import { updateSupplierProfileSchema } from '@/lib/validation/accounts';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** A manager updates their own supplier's public profile (简介、地址、带贫机制). */
export const updateSupplierProfileAction = validatedAction(
  updateSupplierProfileSchema,
  async ({ supplierId, ...p }) => {
    const user = await requireSupplierMember(supplierId);
    if (!(await updateSupplierProfile({ supplierId, actorId: user.id, p })))
      throw new AppError('not_found', '供应商不存在');
    invalidate.supplierProfile();
    return { ok: true, message: '已保存' };
  },
);

/** 发货: a manager ships their own supplier's lines of a paid order, with the carrier and tracking number. */
export const shipOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    supplierId: z.coerce.number('供应商不存在').int().positive('供应商不存在'),
    carrier: z.enum(CARRIERS, '请选择快递公司'),
    trackingNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{6,30}$/, '运单号为 6–30 位字母或数字'),
  }),
  async ({ orderNo, supplierId, carrier, trackingNo }) => {
    const user = await requireSupplierMember(supplierId);
    const r = await shipSupplierLines({ orderNo, supplierId, carrier, trackingNo, actorId: user.id });
    if (r === 'not_found') throw new AppError('not_found', '订单不存在、未付款，或不含本供应商的商品');
    if (r === 'already') throw new AppError('conflict', '该订单已发货');
    if (r === 'per_recipient')
      throw new AppError('conflict', '该订单按收货人分别发货，请在订单的发货清单中逐个录入或上传运单号');
    invalidate.shipment();
    return { ok: true, message: `已发货：${carrier} ${trackingNo}` };
  },
);

const parcelTarget = {
  orderNo: orderNoSchema,
  supplierId: z.coerce.number('供应商不存在').int().positive('供应商不存在').max(2_147_483_647, '供应商不存在'),
};

/** 发货 of one recipient's parcel of a welfare order: the supplier's own lines only. */
export const shipParcelAction = validatedAction(
  z.object({
    ...parcelTarget,
    recipientNo: z.coerce.number('收货人编号不正确').int('收货人编号不正确').min(1, '收货人编号不正确').max(99_999),
    carrier: z.enum(CARRIERS, '请选择快递公司'),
    trackingNo: z.string().trim().regex(TRACKING_NO, TRACKING_NO_MESSAGE),
  }),
  async ({ orderNo, supplierId, recipientNo, carrier, trackingNo }) => {
    const user = await requireSupplierMember(supplierId);
    const r = await shipParcel({ orderNo, supplierId, recipientNo, carrier, trackingNo, actorId: user.id });
    if (r === 'already') throw new AppError('conflict', `收货人 ${recipientNo} 的包裹已发货`);
    invalidate.shipment();
    return { ok: true, message: `收货人 ${recipientNo} 已发货：${carrier} ${trackingNo}` };
  },
);

/** 上传运单: the courier's batch sheet (.csv/.xlsx) for this supplier's parcels of one order; any bad row records nothing. */
export const uploadTrackingAction = validatedAction(
  z.object({
    ...parcelTarget,
    carrier: z.union([z.literal(''), z.enum(CARRIERS, '请选择快递公司')]).optional(),
    file: z.instanceof(File, { message: '请选择运单文件' }),
  }),
  async ({ orderNo, supplierId, carrier, file }) => {
    const user = await requireSupplierMember(supplierId);
    if (file.size === 0) throw new AppError('invalid_input', '请选择运单文件', { file: '请选择运单文件' });
    await assertAllowed('uploads', user.id);
    const rows = await readSheet(file, { columns: 10 });
    await recordHit('uploads', user.id);
    const r = await applyTrackingSheet({
      orderNo,
      supplierId,
      rows,
      defaultCarrier: carrier || null,
      actorId: user.id,
    });
    invalidate.shipment();
    return {
      ok: true,
      message: `已录入 ${r.shipped} 个运单号${r.unchanged ? `，${r.unchanged} 个与已录入的相同，未改动` : ''}`,
    };
  },
);
