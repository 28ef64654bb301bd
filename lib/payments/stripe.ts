import 'server-only';
import Stripe from 'stripe';
import { getEnv } from '@/lib/env';

/**
 * The Stripe client, or null when no STRIPE_SECRET_KEY is set (the simulator is used then).
 * Tests point it at a local server with STRIPE_API_HOST/PORT/PROTOCOL.
 */
let client: Stripe | null | undefined;

export function getStripe(): Stripe | null {
  if (client !== undefined) return client;
  const env = getEnv();
  client = env.STRIPE_SECRET_KEY
    ? new Stripe(env.STRIPE_SECRET_KEY, {
        host: env.STRIPE_API_HOST,
        port: env.STRIPE_API_PORT,
        protocol: env.STRIPE_API_PROTOCOL,
        maxNetworkRetries: 2,
        timeout: 15_000,
      })
    : null;
  return client;
}

/** Signature checks need no API key; this instance never calls Stripe. */
const verifier = new Stripe('sk_signature_verification_only');

export function constructStripeEvent(rawBody: string, signature: string, secret: string): Stripe.Event {
  return verifier.webhooks.constructEvent(rawBody, signature, secret, 300);
}

export function paymentSimulatorOn(): boolean {
  return getEnv().paymentSimulator;
}

export type SessionOrder = {
  id: string;
  orderNo: string;
  shippingFen: bigint;
  expiresAt: Date;
  items: { name: string; spec: string; unitPriceFen: number; quantity: number }[];
};

/** A Checkout Session in CNY for card, Alipay and WeChat Pay; amounts in fen from the order. */
export async function createCheckoutSession(stripe: Stripe, order: SessionOrder): Promise<{ id: string; url: string }> {
  const appUrl = getEnv().appUrl;
  const minExpiry = Date.now() + 30 * 60_000 + 30_000;
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.items.map((i) => ({
    quantity: i.quantity,
    price_data: { currency: 'cny', unit_amount: i.unitPriceFen, product_data: { name: `${i.name}（${i.spec}）` } },
  }));
  if (order.shippingFen > 0n) {
    lineItems.push({
      quantity: 1,
      price_data: { currency: 'cny', unit_amount: Number(order.shippingFen), product_data: { name: '运费' } },
    });
  }
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      currency: 'cny',
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      line_items: lineItems,
      client_reference_id: order.id,
      metadata: { orderId: order.id, orderNo: order.orderNo },
      expires_at: Math.floor(Math.max(order.expiresAt.getTime(), minExpiry) / 1000),
      success_url: `${appUrl}/orders/${order.orderNo}?from=stripe`,
      cancel_url: `${appUrl}/orders/${order.orderNo}`,
    },
    { idempotencyKey: `checkout-session:${order.id}` },
  );
  if (!session.url) throw new Error('Stripe returned no checkout URL');
  return { id: session.id, url: session.url };
}
