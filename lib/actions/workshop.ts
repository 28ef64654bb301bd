'use server';

import { z } from 'zod';
import { updateSupplierProfile } from '@/lib/accounts/suppliers';
import { shipSupplierLines } from '@/lib/orders/shipping';
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
    invalidate.shipment();
    return { ok: true, message: `已发货：${carrier} ${trackingNo}` };
  },
);
