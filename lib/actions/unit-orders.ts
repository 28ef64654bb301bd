'use server';

import { z } from 'zod';
import { orderLinesForReorder } from '@/db/queries/unit-orders';
import { requireAdmin, requireUnitMember, requireUser } from '@/lib/auth/guards';
import { readSheet } from '@/lib/bulk/read-sheet';
import { MAX_BULK_ROWS, splitTypedLines } from '@/domain/bulk-order';
import { factsToJson } from '@/domain/purchase-order';
import { formatFen } from '@/domain/money';
import { chinaYear } from '@/domain/time';
import { AppError } from '@/lib/errors';
import { getOrderView } from '@/lib/orders/order-view';
import {
  decideByOffice,
  decideUnitOrder,
  previewPurchaseOrder,
  submitPurchaseOrder,
} from '@/lib/orders/purchase-orders';
import { setPledge } from '@/lib/programme/pledges';
import { createRound } from '@/lib/programme/rounds';
import { mobileField } from '@/lib/validation/accounts';
import { yuanField } from '@/lib/validation/money';
import { fundSourceField } from '@/lib/validation/fund-source';
import { addressFields, orderNoSchema } from '@/lib/validation/orders';
import { invalidate } from '@/lib/cache/invalidate';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';
import { validatedAction, type ActionResult } from './safe-action';

const submitSchema = z
  .object({
    unitId: z.uuid('单位不存在'),
    lines: z.string().max(200_000, '内容过长').optional().default(''),
    file: z.instanceof(File).optional(),
    roundId: z.union([z.literal(''), z.coerce.number().int().positive()]).optional(),
    paymentTerms: z.enum(['prepay', 'pay_later'], '请选择付款方式'),
    fundSource: fundSourceField,
    contactName: z.string().trim().min(1, '请填写收货联系人').max(20, '联系人不能超过 20 个字'),
    contactMobile: mobileField,
    /** The uncertified products (slugs) ticked 仍要采购（不计入认购）in the preview. */
    keep: z
      .union([z.string().max(100), z.array(z.string().max(100)).max(MAX_BULK_ROWS)], '勾选无效')
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .extend(addressFields.shape);

type Delivery = Omit<z.output<typeof submitSchema>, 'lines' | 'file'>;

/** The rows of the code box (domain/bulk-order splitTypedLines) or of an uploaded .xlsx/.csv. */
async function rowsOf(userId: string, f: { lines: string; file?: File }): Promise<string[][]> {
  const upload = f.file && f.file.size > 0 ? f.file : null;
  if (!upload) return splitTypedLines(f.lines);
  // Uploads are limited per account; a refused file (a bomb, macros) writes nothing, a readable one counts.
  await assertAllowed('uploads', userId);
  const rows = await readSheet(upload);
  await recordHit('uploads', userId);
  return rows;
}

/**
 * 预览采购单: the lines priced as they would be placed (unit tier prices, shipping), the uncertified
 * ones marked 不计入认购, the recipients counted, and who approves it. Writes nothing.
 */
export const previewPurchaseOrderAction = validatedAction(submitSchema, async (f) => {
  const me = await requireUnitMember(f.unitId, ['buyer']);
  const facts = await previewPurchaseOrder({
    userId: me.id,
    submitterName: me.name,
    unitId: f.unitId,
    roundId: f.roundId || null,
    paymentTerms: f.paymentTerms,
    fundSource: f.fundSource,
    rows: await rowsOf(me.id, f),
  });
  return { ok: true, data: { facts: factsToJson(facts) } };
});

/** 提交采购单: rows typed by product code, or an uploaded .xlsx/.csv. All rows are checked first; any error imports nothing. */
export const submitPurchaseOrderAction = validatedAction(submitSchema, async (f) => {
  const me = await requireUnitMember(f.unitId, ['buyer']);
  return submitRows(me.id, f, await rowsOf(me.id, f));
});

/** Places the purchase order (lib/orders/purchase-orders). Shared by 提交采购单 and 再来一单. */
async function submitRows(userId: string, f: Delivery, rows: string[][]): Promise<ActionResult> {
  const placed = await submitPurchaseOrder({
    userId,
    unitId: f.unitId,
    roundId: f.roundId || null,
    paymentTerms: f.paymentTerms,
    contact: { name: f.contactName, mobile: f.contactMobile },
    address: { province: f.province, city: f.city, district: f.district, detail: f.detail },
    rows,
    keepUncertified: f.keep,
    fundSource: f.fundSource,
  });
  await invalidate.purchaseOrder({ orderId: placed.orderId });
  const who = placed.officeApproval
    ? '本单位没有可以审批您采购单的审批人（审批人不能审批自己或邀请、任命自己的成员提交的采购单），将由个旧市消费扶贫办公室审批'
    : '等待审批人审批';
  return {
    ok: true,
    message: `采购单 ${placed.orderNo} 已提交（${formatFen(placed.totalFen)}），${who}；库存已为您保留 7 天`,
    data: { orderNo: placed.orderNo, ...(placed.officeApproval ? { approval: 'office' } : {}) },
  };
}

/** 再来一单: the same lines and delivery as an earlier order of the same unit, at today's prices, as a new purchase order. */
export const reorderAction = validatedAction(
  z.object({ unitId: z.uuid('单位不存在'), orderNo: orderNoSchema }),
  async ({ unitId, orderNo }) => {
    const user = await requireUnitMember(unitId, ['buyer']);
    const rows = await orderLinesForReorder({ orderNo, unitId });
    const earlier = rows ? await getOrderView({ orderNo }) : null;
    if (!rows || !earlier) throw new AppError('not_found', '采购单不存在');
    return submitRows(
      user.id,
      {
        unitId,
        paymentTerms: earlier.paymentTerms,
        // The same money as before: a union order is checked against this year's rules again.
        fundSource: earlier.fundSource ?? 'canteen',
        contactName: earlier.contact.name,
        contactMobile: earlier.contact.mobile,
        ...earlier.address,
        // 再来一单 ticks nothing: an order with uncertified lines is refused, naming them, and goes
        // through 批量下单's preview, where the buyer ticks them (or not).
        keep: [],
      },
      rows,
    );
  },
);

/** 认购目标: the programme office sets a unit's pledge for the current year. */
export const setPledgeAction = validatedAction(
  z.object({
    unitId: z.uuid('单位不存在'),
    amount: yuanField({ required: '请填写认购目标', invalid: '认购目标须为大于 0 的金额（元）' }).transform((n) =>
      BigInt(n),
    ),
  }),
  async ({ unitId, amount }) => {
    const admin = await requireAdmin();
    const year = chinaYear();
    await setPledge({ unitId, year, pledgeFen: amount, actorId: admin.id });
    invalidate.pledge();
    return { ok: true, message: `已设定 ${year} 年认购目标 ${formatFen(amount)}` };
  },
);

const decideSchema = z.object({
  orderNo: orderNoSchema,
  decision: z.enum(['approve', 'reject'], '操作无效'),
  reason: z.string().trim().max(200, '原因不能超过 200 字').optional().default(''),
});

/** 通过 / 驳回 a purchase order: an approver of the same unit, never the buyer who submitted it. */
export const decidePurchaseOrderAction = validatedAction(decideSchema, async ({ orderNo, decision, reason }) => {
  const user = await requireUser();
  if (decision === 'reject' && reason.length < 2)
    throw new AppError('invalid_input', '请写明驳回原因', { reason: '请写明驳回原因' });
  await decideUnitOrder({ orderNo, approverId: user.id, decision, reason });
  await invalidate.purchaseOrderDecided({ orderNo, released: decision === 'reject' });
  return { ok: true, message: decision === 'approve' ? '已通过，等待付款' : '已驳回，库存已释放' };
});

/** 通过 / 驳回 by the programme office: only purchase orders that no approver of their unit may decide. */
export const officeDecidePurchaseOrderAction = validatedAction(decideSchema, async ({ orderNo, decision, reason }) => {
  const admin = await requireAdmin();
  if (decision === 'reject' && reason.length < 2)
    throw new AppError('invalid_input', '请写明驳回原因', { reason: '请写明驳回原因' });
  await decideByOffice({ orderNo, adminId: admin.id, decision, reason });
  await invalidate.purchaseOrderDecided({ orderNo, released: decision === 'reject', byOffice: true });
  return { ok: true, message: decision === 'approve' ? '已代为通过，等待单位付款' : '已驳回，库存已释放' };
});

/** 推介会: the programme office opens a new promotion round. */
export const createRoundAction = validatedAction(
  z
    .object({
      name: z.string().trim().min(2, '请填写名称').max(60, '名称不能超过 60 字'),
      heldOn: z.iso.date('请填写开始日期'),
      endsOn: z.iso.date('请填写结束日期'),
      venue: z.string().trim().min(2, '请填写地点').max(60, '地点不能超过 60 字'),
    })
    .refine((r) => r.endsOn >= r.heldOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] }),
  async (r) => {
    const admin = await requireAdmin();
    await createRound({ actorId: admin.id, r });
    invalidate.round();
    return { ok: true, message: '推介会已创建' };
  },
);
