import { z } from 'zod';
import { AFTER_SALES_CLASSES } from '@/domain/after-sales';
import { parseTierText } from '@/domain/tier-pricing';
import { chinaWallTimeToInstant } from '@/domain/time';
import { certificateNoSchema } from './certificate';
import { yuanField } from './money';

/** A required, trimmed text of at most `max` characters. */
export const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
/** A positive integer id; anything else reads as "<what>不存在". */
export const id = (what: string) =>
  z.coerce.number(`${what}不存在`).int(`${what}不存在`).positive(`${what}不存在`).max(2_147_483_647, `${what}不存在`);

export const productIdField = id('商品');
export const supplierIdField = id('供应商');

const yuan = (label: string) =>
  yuanField({ required: `请填写${label}`, invalid: `${label}应为 0.01–100000 元，最多两位小数`, maxFen: 10_000_000 });

/** The product editor's fields; tier prices are checked against the price in the same parse. */
export const listingSchema = z
  .object({
    name: text('商品名称', 60),
    spec: text('规格', 40),
    description: z.string().trim().max(4000, '商品介绍不能超过 4000 个字').default(''),
    categorySlug: z.string('请选择分类').regex(/^[a-z0-9-]{1,40}$/, '请选择分类'),
    price: yuan('售价'),
    referencePrice: z.union([z.literal('').transform(() => null), yuan('市场参考价')]).default(null),
    unitMinQuantity: z.coerce
      .number('单位起订量应为整数')
      .int('单位起订量应为整数')
      .min(1, '单位起订量至少为 1')
      .max(100_000, '单位起订量过大')
      .default(1),
    tiers: z.string().max(1000, '阶梯价内容过长').default(''),
    afterSalesClass: z.enum(AFTER_SALES_CLASSES, '请选择售后规则').default('standard'),
  })
  .transform((v, ctx) => {
    const t = parseTierText(v.tiers, v.price);
    if ('error' in t) {
      ctx.addIssue({ code: 'custom', message: t.error, path: ['tiers'] });
      return z.NEVER;
    }
    return {
      name: v.name,
      spec: v.spec,
      description: v.description,
      categorySlug: v.categorySlug,
      priceFen: v.price,
      referencePriceFen: v.referencePrice,
      unitMinQuantity: v.unitMinQuantity,
      afterSalesClass: v.afterSalesClass,
      tiers: t.tiers,
    };
  });

export const createListingSchema = z.intersection(
  z.object({
    supplierId: supplierIdField,
    stock: z.coerce
      .number('库存应为整数')
      .int('库存应为整数')
      .min(0, '库存不能为负')
      .max(1_000_000, '库存不能超过 1,000,000')
      .default(0),
  }),
  listingSchema,
);

export const updateListingSchema = z.intersection(z.object({ productId: productIdField }), listingSchema);

export const stockAdjustmentSchema = z.object({
  productId: productIdField,
  delta: z.coerce
    .number('调整数量应为整数')
    .int('调整数量应为整数')
    .min(-1_000_000, '调整数量过大')
    .max(1_000_000, '调整数量过大')
    .refine((n) => n !== 0, '调整数量不能为 0'),
  reason: text('调整原因', 100),
});

/** A calendar date (YYYY-MM-DD) that exists. */
export const dateField = (label: string) => z.iso.date(`${label}应为有效日期（年-月-日）`);

/** A file field: present and a File (multipart). Content checks happen in lib/media. */
export const fileField = (label: string) =>
  z.custom<File>((v) => typeof File !== 'undefined' && v instanceof File && v.size > 0, `请选择${label}`);

export const certificateSubmissionSchema = z
  .object({
    productId: productIdField,
    certificateNo: certificateNoSchema,
    issuer: text('认定机构', 60),
    catalogueBatch: text('目录批次', 40),
    issuedOn: dateField('认定日期'),
    expiresOn: dateField('有效期至'),
    file: fileField('证书扫描件'),
  })
  .refine((v) => v.expiresOn >= v.issuedOn, { message: '有效期至应晚于认定日期', path: ['expiresOn'] });

export const imageUploadSchema = z.object({
  productId: productIdField,
  alt: z.string().trim().max(60, '图片说明不能超过 60 个字').default(''),
  image: fileField('图片'),
});

export const livestreamSchema = z.object({
  supplierId: supplierIdField,
  title: text('直播标题', 60),
  description: z.string().trim().max(500, '直播介绍不能超过 500 个字').default(''),
  // datetime-local, in China time.
  startsAt: z
    .string('请选择开播时间')
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '请选择开播时间')
    .transform((v, ctx) => {
      const d = chinaWallTimeToInstant(v);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: '开播时间无效' });
        return z.NEVER;
      }
      return d;
    }),
  streamUrl: z.string('请填写直播链接').max(500, '直播链接太长'),
  productIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(productIdField).max(20, '最多推荐 20 件商品'),
  ),
});
