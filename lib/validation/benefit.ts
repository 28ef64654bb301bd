import { z } from 'zod';
import {
  BENEFIT_CHANNELS,
  HOUSEHOLD_CATEGORIES,
  HOUSEHOLD_CODE,
  parseQuantityCenti,
  PAYOUT_KINDS,
  PAYOUT_METHODS,
} from '@/domain/benefit';
import { DIVIDEND_SPLITS, MAX_DIVIDEND_SHARES } from '@/domain/dividend';
import { isValidIdNumber } from '@/domain/id-number';
import { parseChinaMonth } from '@/domain/time';
import { dateField, fileField, id, supplierIdField, text } from './listings';
import { yuanField } from './money';
import { orderNoSchema } from './orders';

/** Forms and queries of 带贫成效 (issue 17): households, payouts, dividend rules, reviewers, the 通报. */

export const householdIdField = id('农户');
export const payoutIdField = id('发放记录');
export const dividendRuleIdField = id('分红规则');
export const townshipSlugField = z.string('请选择乡镇（街道）').regex(/^[a-z0-9-]{1,40}$/, '请选择乡镇（街道）');

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number(`${label}应为整数`)
    .int(`${label}应为整数`)
    .min(min, `${label}应在 ${min}–${max} 之间`)
    .max(max, `${label}应在 ${min}–${max} 之间`);

/** Optional text: '' (or missing) is null. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal('').transform(() => null), schema]).default(null as never);

const householdFields = z.object({
  code: z
    .string('请填写农户编码')
    .trim()
    .toUpperCase()
    .regex(HOUSEHOLD_CODE, '农户编码形如 DT-0012（1–4 个大写字母、短横线、2–6 位数字）'),
  townshipSlug: townshipSlugField,
  village: text('村（社区）', 40),
  category: z.enum(HOUSEHOLD_CATEGORIES, '请选择农户类别'),
  members: intIn('家庭人口', 1, 30),
  channels: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(BENEFIT_CHANNELS, '请选择带动方式'))
      .min(1, '请至少选择一种带动方式')
      .max(3, '请选择带动方式')
      .transform((a) => [...new Set(a)]),
  ),
  shares: intIn('股数', 1, MAX_DIVIDEND_SHARES).default(1),
  name: optional(text('姓名', 30)),
  idNumber: optional(z.string().trim().toUpperCase().refine(isValidIdNumber, '身份证号码不正确（18 位，末位校验码）')),
});

export const registerHouseholdSchema = householdFields.extend({ supplierId: supplierIdField });

/** Editing keeps the stored name and ID number unless new ones are typed or clearing is asked for. */
export const updateHouseholdSchema = householdFields.extend({
  householdId: householdIdField,
  active: z.enum(['true', 'false'], '请选择状态').transform((v) => v === 'true'),
  clearPersonal: z.literal('on').optional(),
});

const quantity = z
  .string('请填写数量')
  .trim()
  .transform((v, ctx) => {
    const q = parseQuantityCenti(v);
    if (q === null) {
      ctx.addIssue({ code: 'custom', message: '数量应为大于 0 的数，最多两位小数' });
      return z.NEVER;
    }
    return q;
  });
const rate = yuanField({
  required: '请填写单价',
  invalid: '单价应为 0.01–100000 元，最多两位小数',
  maxFen: 10_000_000,
});

export const recordPayoutSchema = z
  .object({
    supplierId: supplierIdField,
    householdId: householdIdField,
    kind: z.enum(PAYOUT_KINDS, '请选择发放类型'),
    paidOn: dateField('发放日期'),
    method: z.enum(PAYOUT_METHODS, '请选择发放方式'),
    quantity: optional(quantity),
    unitRate: optional(rate),
    productId: optional(id('商品')),
    orderNo: optional(orderNoSchema),
    dividendRuleId: optional(dividendRuleIdField),
    amount: optional(
      yuanField({ required: '请填写金额', invalid: '金额应为 0.01–1000000 元，最多两位小数', maxFen: 100_000_000 }),
    ),
    confirmCode: optional(
      z
        .string()
        .trim()
        .regex(/^\d{8}$/, '确认码为 8 位数字'),
    ),
    note: z.string().trim().max(200, '备注不能超过 200 个字').default(''),
    // An empty file input arrives as an empty File: no receipt.
    receipt: z.preprocess(
      (v) => (v === undefined || (typeof File !== 'undefined' && v instanceof File && v.size === 0) ? '' : v),
      z.union([z.literal('').transform(() => null), fileField('收款凭证')]),
    ),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (v.kind === 'dividend') {
      if (v.dividendRuleId === null) need('dividendRuleId', '请选择分红规则');
      if (v.amount === null) need('amount', '请填写分红金额');
    } else {
      if (v.quantity === null) need('quantity', '请填写数量');
      if (v.unitRate === null) need('unitRate', '请填写单价');
      if (v.kind === 'piece_rate' && v.productId === null) need('productId', '请选择所做的商品');
    }
    if (v.confirmCode !== null && v.method !== 'cash') need('confirmCode', '只有现金发放需要农户确认码');
  });
export type RecordPayoutInput = z.output<typeof recordPayoutSchema>;

export const confirmPayoutSchema = z.object({
  payoutId: payoutIdField,
  confirmCode: optional(
    z
      .string()
      .trim()
      .regex(/^\d{8}$/, '确认码为 8 位数字'),
  ),
});

export const returnPayoutSchema = z.object({ payoutId: payoutIdField, reason: text('退回原因', 200) });

export const declareDividendSchema = z
  .object({
    supplierId: supplierIdField,
    title: text('规则名称', 40),
    periodFrom: dateField('起始日期'),
    periodTo: dateField('截止日期'),
    sharePercent: z
      .string('请填写分红比例')
      .trim()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, '分红比例应为 0.01–100 之间的百分数，最多两位小数')
      .transform((v) => Math.round(Number(v) * 100))
      .refine((bps) => bps >= 1 && bps <= 10_000, '分红比例应为 0.01–100 之间的百分数，最多两位小数'),
    split: z.enum(DIVIDEND_SPLITS, '请选择分配方式'),
  })
  .refine((v) => v.periodTo >= v.periodFrom, { message: '截止日期应不早于起始日期', path: ['periodTo'] });

export const issueCodesSchema = z.object({
  householdIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(householdIdField).min(1, '请至少选择一户').max(500, '一次最多 500 户'),
  ),
});

export const inviteReviewerSchema = z.object({
  townshipSlug: townshipSlugField,
  inviteeName: text('核实员姓名', 30),
});

/** ?month=YYYY-MM of the monthly 通报 and the payout lists. */
export const monthField = z.string().refine((v) => parseChinaMonth(v) !== null, '月份应为 YYYY-MM（如 2026-07）');
