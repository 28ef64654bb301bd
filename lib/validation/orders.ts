import { z } from 'zod';
import { MAX_LINE_QUANTITY, MAX_LINES } from '@/domain/checkout';
import { creditCodeField, mobileField } from './accounts';

const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const quantityField = z
  .number('数量须为 1 到 10000 的整数')
  .int('数量须为整数')
  .min(1, '数量至少为 1')
  .max(MAX_LINE_QUANTITY, `数量不能超过 ${MAX_LINE_QUANTITY}`);

export const orderLine = z.object({
  slug: z.string('商品无效').regex(/^[a-z0-9-]{1,80}$/, '商品无效'),
  quantity: quantityField,
});

export const addressFields = z.object({
  province: text('省份', 20),
  city: text('城市', 30),
  district: text('区县', 30),
  detail: text('详细地址', 120),
});

export const invoiceFields = z
  .object({
    title: text('发票抬头', 60),
    taxNo: z
      .union([z.literal(''), creditCodeField])
      .optional()
      .transform((v) => v || null),
  })
  .optional()
  .nullable();

/** POST /api/v1/orders and the web checkout share this shape. Prices and totals sent by a client are ignored. */
export const placeOrderSchema = z.object({
  items: z.array(orderLine, '请选择商品').min(1, '请选择商品').max(MAX_LINES, `一次最多 ${MAX_LINES} 种商品`),
  contact: z.object({ name: text('联系人', 20), mobile: mobileField }),
  shippingAddress: addressFields,
  paymentMethod: z.enum(['stripe', 'simulated'], '支付方式无效'),
  invoice: invoiceFields,
  /** The livestream the order came from; counted only when the stream features one of the items. */
  livestreamId: z
    .number('直播编号无效')
    .int('直播编号无效')
    .positive('直播编号无效')
    .max(2_147_483_647, '直播编号无效')
    .optional(),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderSchema>;

/** The web checkout form: flat fields; lines come from the cart on the server. */
export const checkoutFormSchema = z.object({
  name: text('收货人', 20),
  mobile: mobileField,
  province: text('省份', 20),
  city: text('城市', 30),
  district: text('区县', 30),
  detail: text('详细地址', 120),
  invoiceTitle: z.string().trim().max(60, '发票抬头不能超过 60 个字').optional().default(''),
  invoiceTaxNo: z
    .union([z.literal(''), creditCodeField])
    .optional()
    .default(''),
  /** 立即购买: the one item checked out apart from the cart (its price and stock come from the database). */
  buySlug: z
    .union([z.literal(''), z.string().regex(/^[a-z0-9-]{1,80}$/, '商品无效')])
    .optional()
    .default(''),
  buyQty: z.coerce
    .number('数量须为整数')
    .int('数量须为整数')
    .min(1, '数量至少为 1')
    .max(MAX_LINE_QUANTITY, `数量不能超过 ${MAX_LINE_QUANTITY}`)
    .optional()
    .default(1),
  /** The buyer's choice among the providers configured ('' : the installation's default, Stripe or the simulator). */
  paymentMethod: z.enum(['', 'wechat'], '支付方式无效').optional().default(''),
});

export const cartLineSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,80}$/, '商品无效'),
  quantity: z.coerce
    .number('数量须为整数')
    .int('数量须为整数')
    .min(0, '数量不能为负')
    .max(MAX_LINE_QUANTITY, `数量不能超过 ${MAX_LINE_QUANTITY}`),
});

export const orderNoSchema = z.string().regex(/^GJ\d{8}-\d{6,}$/, '订单号格式不正确');

/**
 * The id an office form carries from the moment it was shown, so that submitting it twice (a double
 * click, a retry after a timeout) moves the money once.
 */
export const requestIdField = z.uuid('请刷新页面后重试');
