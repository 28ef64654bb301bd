import { z } from 'zod';
import { AFTER_SALES_KINDS, AFTER_SALES_REASONS, MAX_AFTER_SALES_PHOTOS } from '@/domain/after-sales';
import { MAX_LINE_QUANTITY } from '@/domain/checkout';
import { MAX_RECEIPT_NOTE } from '@/domain/receipt';
import { fileField } from './listings';
import { orderNoSchema } from './orders';

const note = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const caseIdField = z.uuid('售后申请不存在');

/** Files of a multiple file input: one File or several; empty ones (nothing chosen) dropped. */
const photosField = z.preprocess(
  (v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(
      (f) => !(typeof File !== 'undefined' && f instanceof File && f.size === 0),
    ),
  z.array(fileField('照片')).max(MAX_AFTER_SALES_PHOTOS, `最多上传 ${MAX_AFTER_SALES_PHOTOS} 张照片`),
);

export const afterSalesRequestSchema = z.object({
  orderNo: orderNoSchema,
  orderItemId: z.string().regex(/^\d{1,18}$/, '订单中没有该商品'),
  kind: z.enum(AFTER_SALES_KINDS, '请选择售后类型'),
  reason: z.enum(AFTER_SALES_REASONS, '请选择售后原因'),
  quantity: z.coerce.number('数量须为整数').int('数量须为整数').min(1, '数量至少为 1').max(MAX_LINE_QUANTITY),
  description: z.string().trim().max(500, '问题描述不能超过 500 个字').default(''),
  photos: photosField,
});

export const receiptSchema = z.object({ orderNo: orderNoSchema });

/** 验收 of a unit order: an optional note and at most one photo (checked and re-encoded like 售后 photos). */
export const unitReceiptSchema = z.object({
  orderNo: orderNoSchema,
  note: z.string().trim().max(MAX_RECEIPT_NOTE, `验收备注不能超过 ${MAX_RECEIPT_NOTE} 个字`).optional().default(''),
  photo: z.preprocess(
    (v) => (typeof File !== 'undefined' && v instanceof File && v.size === 0 ? undefined : v),
    fileField('照片').optional(),
  ),
});

export const returnShipmentSchema = z.object({
  orderNo: orderNoSchema,
  caseId: caseIdField,
  carrier: note('快递公司', 20),
  trackingNo: z
    .string('请填写快递单号')
    .trim()
    .regex(/^[A-Za-z0-9-]{5,40}$/, '快递单号为 5–40 位字母或数字'),
});

/** 同意 / 拒绝 (a reason is required to refuse), and the office's 同意 / 驳回. */
export const caseDecisionSchema = z
  .object({
    caseId: caseIdField,
    decision: z.enum(['agree', 'disagree'], '请选择处理结果'),
    reason: z.string().trim().max(300, '原因不能超过 300 个字').default(''),
  })
  .refine((v) => v.decision === 'agree' || v.reason.length > 0, { message: '请填写拒绝原因', path: ['reason'] });

export const caseIdSchema = z.object({ caseId: caseIdField });
