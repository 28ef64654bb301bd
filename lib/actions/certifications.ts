'use server';

import { z } from 'zod';
import { decideCertification, setCertificationExpiry } from '@/lib/certifications/decisions';
import { EXPIRY_DELISTS } from '@/domain/certification';
import { setBooleanSetting } from '@/lib/programme/settings';
import { requireAdmin } from '@/lib/auth/guards';
import { certificateNoSchema } from '@/lib/validation/certificate';
import { dateField } from '@/lib/validation/listings';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';
import { chinaDate } from '@/domain/time';

/** The programme office's review of a submitted certificate: 通过, or 驳回 with a reason. */
export const reviewCertificationAction = validatedAction(
  z.object({
    id: z.coerce.number('证书不存在').int().positive('证书不存在'),
    decision: z.enum(['approve', 'reject'], '操作无效'),
    reason: z.string().trim().max(200, '原因不能超过 200 字').optional().default(''),
  }),
  async ({ id, decision, reason }) => {
    const admin = await requireAdmin();
    if (decision === 'reject' && reason.length < 2)
      throw new AppError('invalid_input', '请写明驳回原因', { reason: '请写明驳回原因' });
    const slug = await decideCertification({ id, decision, reason, actorId: admin.id });
    if (!slug) throw new AppError('conflict', '该证书已审核');
    // A listing or a badge changed: the next catalog request shows it.
    invalidate.certification(slug);
    return { ok: true, message: decision === 'approve' ? '已通过认定' : '已驳回' };
  },
);

/** Whether a certificate's expiry also delists its product (otherwise only the badge goes). */
export const setExpiryDelistsAction = validatedAction(
  z.object({ value: z.enum(['true', 'false'], '参数无效').transform((v) => v === 'true') }),
  async ({ value }) => {
    const admin = await requireAdmin();
    await setBooleanSetting({ key: EXPIRY_DELISTS, value, actorId: admin.id });
    invalidate.certificationSettings();
    return { ok: true, message: value ? '认定过期时将自动下架商品' : '认定过期时只取消标识，商品保持上架' };
  },
);

/** 调整有效期: the office records a changed expiry date; a past date removes the badge at once. */
export const setCertificationExpiryAction = validatedAction(
  z.object({
    certificateNo: certificateNoSchema,
    expiresOn: dateField('有效期至'),
    reason: z.string('请写明原因').trim().min(2, '请写明原因').max(200, '原因不能超过 200 字'),
  }),
  async ({ certificateNo, expiresOn, reason }) => {
    const admin = await requireAdmin();
    const r = await setCertificationExpiry({ certificateNo, expiresOn, reason, actorId: admin.id, today: chinaDate() });
    if (r === null) throw new AppError('not_found', '没有这份已通过的证书', { certificateNo: '没有这份已通过的证书' });
    if (typeof r === 'object') throw new AppError('invalid_input', r.error, { expiresOn: r.error });
    invalidate.certification(r);
    return {
      ok: true,
      message:
        expiresOn < chinaDate()
          ? `已调整，证书 ${certificateNo} 已过期，认定标识已取消`
          : `已调整证书 ${certificateNo} 的有效期`,
    };
  },
);
