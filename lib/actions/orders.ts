'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { findOrderNoForGuest, getOrderView } from '@/lib/orders/order-view';
import { cancelOrder, markOrderPaid } from '@/lib/orders/payment-effects';
import { optionalUser } from '@/lib/auth/guards';
import { canAccessOrder, grantOrderView } from '@/lib/orders/access';
import { clientAddress } from '@/lib/http/client-address';
import { hitRateLimit } from '@/lib/http/rate-limit';
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
});

async function orderForPayer(orderNo: string, token?: string) {
  if (!paymentSimulatorOn()) throw new AppError('forbidden', '演示支付未开启');
  const order = await getOrderView({ orderNo });
  const user = await optionalUser();
  if (!order || !(await canAccessOrder(order, { userId: user?.id, token: token || null })))
    throw new AppError('not_found', '订单不存在');
  return order;
}

/** 确认支付 on the offline simulator: the same fulfilment code as Stripe's webhook. */
export const confirmSimulatedPaymentAction = validatedAction(simSchema, async ({ orderNo, token }) => {
  const order = await orderForPayer(orderNo, token);
  const effect = await markOrderPaid({
    orderNo,
    amountFen: order.totalFen,
    method: 'simulated',
    providerRef: `sim:${orderNo}`,
  });
  if (effect === 'ignored') throw new AppError('conflict', '该订单已关闭，无法付款');
  await invalidate.order({ orderNo });
  redirect(`/orders/${orderNo}`);
});

/** 取消支付 on the simulator: the order is cancelled and its stock released. */
export const cancelSimulatedPaymentAction = validatedAction(simSchema, async ({ orderNo, token }) => {
  await orderForPayer(orderNo, token);
  const effect = await cancelOrder({ orderNo, to: 'cancelled', reason: '买家取消支付' });
  if (effect === 'ignored') throw new AppError('conflict', '订单已付款或已关闭，不能取消');
  await invalidate.order({ orderNo });
  redirect(`/orders/${orderNo}`);
});

/** Guests find an order by its number and the mobile number given at checkout. */
export const lookupOrderAction = validatedAction(
  z.object({ orderNo: z.string().trim().pipe(orderNoSchema), mobile: mobileField }),
  async ({ orderNo, mobile }) => {
    // Order numbers are sequential, so guessing mobile numbers must be slow: 10 lookups a minute per address.
    if (hitRateLimit(`order-lookup:${clientAddress(await headers())}`, 10))
      throw new AppError('conflict', '查询过于频繁，请一分钟后再试');
    const found = await findOrderNoForGuest({ orderNo, mobile });
    if (!found) throw new AppError('not_found', '没有找到该订单，请核对订单号和手机号');
    await grantOrderView(found);
    redirect(`/orders/${found}`);
  },
);
