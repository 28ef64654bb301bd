import 'server-only';
import { cancelOrder } from '@/lib/orders/payment-effects';
import { placeOrder, type PlaceOrderInput } from '@/lib/orders/place-order';
import { setStripeSession } from '@/db/queries/orders';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { createCheckoutSession, getStripe, paymentSimulatorOn } from './stripe';
import { invalidate } from '@/lib/cache/invalidate';

/** The chosen way to pay is not open on this installation. */
export class PaymentUnavailableError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { paymentMethod: message });
  }
}

export type CheckoutRequest = Omit<PlaceOrderInput, 'timeoutMinutes' | 'unit' | 'paymentMethod'> & {
  paymentMethod: 'stripe' | 'simulated';
};

/**
 * The one checkout path, used by the web checkout and POST /api/v1/orders: reserve stock and create
 * the order, then open the payment (a Stripe Checkout Session, or the offline simulator).
 */
export async function startCheckout(req: CheckoutRequest) {
  const stripe = getStripe();
  const method =
    req.paymentMethod === 'stripe' && stripe
      ? 'stripe'
      : req.paymentMethod === 'simulated' && paymentSimulatorOn()
        ? 'simulated'
        : null;
  if (!method)
    throw new PaymentUnavailableError(req.paymentMethod === 'stripe' ? '在线支付暂未开通' : '演示支付未开启');
  const placed = await placeOrder({
    ...req,
    paymentMethod: method,
    timeoutMinutes: getEnv().ORDER_PAYMENT_TIMEOUT_MINUTES,
  });
  invalidate.stock(req.items.map((i) => i.slug));
  if (method === 'simulated') {
    return { ...placed, payUrl: `/pay/simulated/${placed.orderNo}` };
  }
  try {
    const session = await createCheckoutSession(stripe!, {
      id: placed.orderId,
      orderNo: placed.orderNo,
      shippingFen: placed.shippingFen,
      expiresAt: placed.expiresAt,
      items: placed.lines,
    });
    await setStripeSession({ orderId: placed.orderId, sessionId: session.id });
    return { ...placed, payUrl: session.url };
  } catch (e) {
    // No payment could be opened: give the stock back at once rather than at expiry.
    await cancelOrder({ orderId: placed.orderId, to: 'cancelled', reason: '支付创建失败' });
    invalidate.stock(req.items.map((i) => i.slug));
    throw e;
  }
}
