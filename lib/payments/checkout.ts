import 'server-only';
import type { CheckoutMethod } from '@/domain/checkout';
import type { BuyerDevice } from '@/lib/http/device';
import { placeOrder, type PlaceOrderInput } from '@/lib/orders/place-order';
import { insertPaymentSession } from '@/db/queries/payments';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { endOrder } from './sessions';
import { checkoutProvider } from './providers';
import { STRIPE_MIN_SESSION_MINUTES } from './stripe';

/** The chosen way to pay is not open on this installation. */
export class PaymentUnavailableError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { paymentMethod: message });
  }
}

export type CheckoutRequest = Omit<PlaceOrderInput, 'timeoutMinutes' | 'unit' | 'paymentMethod'> & {
  paymentMethod: CheckoutMethod;
  /** The buyer's device (lib/http/device.ts): Alipay opens its phone or its desktop cashier. */
  device?: BuyerDevice;
};

const UNAVAILABLE: Record<CheckoutMethod, string> = {
  alipay: '支付宝支付暂未开通',
  wechat: '微信支付暂未开通',
  stripe: '在线支付暂未开通',
  simulated: '演示支付未开启',
};

/**
 * The one checkout path, used by the web checkout and POST /api/v1/orders: reserve stock and create
 * the order, then open a payment for its balance with the chosen provider (a Stripe Checkout Session
 * expiring with the order, or the simulator's capability link).
 * The caller passes the client address (rate limit and hold caps, lib/orders/retail-limits.ts).
 */
export async function startCheckout(req: CheckoutRequest) {
  const provider = checkoutProvider(req.paymentMethod);
  if (!provider) throw new PaymentUnavailableError(UNAVAILABLE[req.paymentMethod]);
  const timeout = getEnv().ORDER_PAYMENT_TIMEOUT_MINUTES;
  const placed = await placeOrder({
    ...req,
    paymentMethod: provider.id,
    // A Stripe session lives at least 30 minutes, and the order at least as long as its session (also a
    // guest's shorter hold, lib/orders/retail-limits.ts).
    timeoutMinutes: provider.id === 'stripe' ? Math.max(timeout, STRIPE_MIN_SESSION_MINUTES + 1) : timeout,
    minHoldMinutes: provider.id === 'stripe' ? STRIPE_MIN_SESSION_MINUTES + 1 : 0,
  });
  invalidate.stock(req.items.map((i) => i.slug));
  try {
    const opened = await provider.createPayment({
      orderId: placed.orderId,
      orderNo: placed.orderNo,
      amountFen: placed.totalFen,
      expiresAt: placed.expiresAt,
      lines: placed.lines,
      shippingFen: placed.shippingFen,
      device: req.device,
      clientIp: req.clientAddress,
    });
    if (opened.sessionRef)
      await insertPaymentSession({
        orderId: placed.orderId,
        provider: provider.id,
        externalRef: opened.sessionRef,
        amountFen: placed.totalFen,
        expiresAt: placed.expiresAt,
      });
    return { ...placed, payUrl: opened.payUrl };
  } catch (e) {
    // No payment could be opened: give the stock back at once rather than at expiry.
    await endOrder({ orderId: placed.orderId, to: 'cancelled', reason: '支付创建失败' });
    invalidate.stock(req.items.map((i) => i.slug));
    throw e;
  }
}
