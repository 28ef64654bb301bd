'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getOrderView } from '@/lib/orders/order-view';
import { lookupGuestOrder } from '@/lib/orders/guest-lookup';
import { optionalUser } from '@/lib/auth/guards';
import { canActOnOrder, grantOrderView } from '@/lib/orders/access';
import { clientAddress } from '@/lib/http/client-address';
import { isValidPayCapability } from '@/lib/payments/pay-link';
import { endOrder } from '@/lib/payments/sessions';
import { paySimulated } from '@/lib/payments/simulator';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { mobileField } from '@/lib/validation/accounts';
import { orderNoSchema } from '@/lib/validation/orders';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

const simSchema = z.object({
  orderNo: orderNoSchema,
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/)
    .optional()
    .or(z.literal('')),
  /** The payUrl's capability (lib/payments/pay-link.ts). */
  cap: z
    .string()
    .regex(/^[0-9]{1,12}\.[A-Za-z0-9_-]{43}$/)
    .optional()
    .or(z.literal('')),
});

/**
 * Who may pay or cancel on the simulator: the order's owner (session, access token, the guest's
 * cookie) or whoever holds its payUrl's capability. Returns where to go afterwards.
 */
async function payerReturn({ orderNo, token, cap }: z.output<typeof simSchema>): Promise<string> {
  if (!paymentSimulatorOn()) throw new AppError('forbidden', '演示支付未开启');
  const order = await getOrderView({ orderNo });
  const user = await optionalUser();
  if (!order) throw new AppError('not_found', '订单不存在');
  // The guest lookup's view grant reads an order; paying or cancelling needs the owner, the token or the checkout cookie.
  // Both come back to 支付结果; a capability holder carries the capability there and sees nothing more.
  if (await canActOnOrder(order, { userId: user?.id, token: token || null })) return `/pay/result/${orderNo}`;
  if (isValidPayCapability(orderNo, cap)) return `/pay/result/${orderNo}?cap=${cap}`;
  throw new AppError('not_found', '订单不存在');
}

/** 确认支付 on the offline simulator: the balance due, through the same money model as Stripe's webhook. */
export const confirmSimulatedPaymentAction = validatedAction(simSchema, async (input) => {
  const back = await payerReturn(input);
  const r = await paySimulated({ orderNo: input.orderNo });
  if (r.effect === 'unmatched') throw new AppError('conflict', '该订单已关闭，款项已记入待处理款项，将由工作人员处理');
  await invalidate.order({ orderNo: input.orderNo });
  redirect(back);
});

/** 取消支付 on the simulator: the order is cancelled and its stock released (not while it holds money). */
export const cancelSimulatedPaymentAction = validatedAction(simSchema, async (input) => {
  const back = await payerReturn(input);
  const effect = await endOrder({ orderNo: input.orderNo, to: 'cancelled', reason: '买家取消支付' });
  if (effect === 'holds_money') throw new AppError('conflict', '该订单已部分付款，不能取消，请联系消费扶贫办公室');
  if (effect === 'ignored') throw new AppError('conflict', '订单已付款或已关闭，不能取消');
  await invalidate.order({ orderNo: input.orderNo });
  redirect(back);
});

/** Guests find an order by its number and the mobile number given at checkout. */
export const lookupOrderAction = validatedAction(
  z.object({ orderNo: z.string().trim().pipe(orderNoSchema), mobile: mobileField }),
  async ({ orderNo, mobile }) => {
    const found = await lookupGuestOrder({ orderNo, mobile, address: clientAddress(await headers()) });
    await grantOrderView(found);
    redirect(`/orders/${found}`);
  },
);
