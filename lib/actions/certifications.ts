'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { decideCertification, EXPIRY_DELISTS, setBooleanSetting } from '@/db/queries/certifications';
import { requireAdmin } from '@/lib/auth/guards';
import { revalidateCatalog, revalidateProducts } from '@/lib/catalog/revalidate';
import { ActionError, validatedAction } from './safe-action';

/** The programme office's review of a submitted certificate: 通过, or 驳回 with a reason. */
export const reviewCertificationAction = validatedAction(
  z.object({
    id: z.coerce.number('证书不存在').int().positive('证书不存在'),
    decision: z.enum(['approve', 'reject'], '操作无效'),
    reason: z.string().trim().max(200, '原因不能超过 200 字').optional().default(''),
  }),
  async ({ id, decision, reason }) => {
    const admin = await requireAdmin();
    if (decision === 'reject' && reason.length < 2) throw new ActionError('invalid_input', '请写明驳回原因', { reason: '请写明驳回原因' });
    const slug = await decideCertification({ id, decision, reason, actorId: admin.id });
    if (!slug) throw new ActionError('conflict', '该证书已审核');
    revalidateProducts([slug]);
    revalidateCatalog();
    revalidatePath('/admin/certifications');
    return { ok: true, message: decision === 'approve' ? '已通过认定' : '已驳回' };
  },
);

/** Whether a certificate's expiry also delists its product (otherwise only the badge goes). */
export const setExpiryDelistsAction = validatedAction(z.object({ value: z.enum(['true', 'false'], '参数无效').transform((v) => v === 'true') }), async ({ value }) => {
  const admin = await requireAdmin();
  await setBooleanSetting({ key: EXPIRY_DELISTS, value, actorId: admin.id });
  revalidatePath('/admin/certifications');
  return { ok: true, message: value ? '认定过期时将自动下架商品' : '认定过期时只取消标识，商品保持上架' };
});
