import 'server-only';
import Stripe from 'stripe';
import { AppError } from '@/lib/errors';
import { getEnv } from '@/lib/env';
import {
  InvalidNotificationError,
  type Notification,
  type PaymentLookup,
  type PaymentProvider,
  type PaymentRequest,
} from './provider';

/**
 * Stripe Checkout (card, Alipay and WeChat Pay in CNY) as a payment provider. The client is null when
 * no STRIPE_SECRET_KEY is set (the simulator is used then); tests point it at a local server that
 * speaks Stripe's protocol (STRIPE_API_HOST/PORT/PROTOCOL).
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

export function paymentSimulatorOn(): boolean {
  return getEnv().paymentSimulator;
}

/** Stripe refuses a Checkout Session that expires sooner than 30 minutes after it is created. */
export const STRIPE_MIN_SESSION_MINUTES = 30;

const refOf = (v: string | { id: string } | null | undefined): string | null =>
  typeof v === 'string' ? v : (v?.id ?? null);

function lineItems(p: PaymentRequest): Stripe.Checkout.SessionCreateParams.LineItem[] {
  const item = (name: string, fen: number, quantity = 1) => ({
    quantity,
    price_data: { currency: 'cny', unit_amount: fen, product_data: { name } },
  });
  const whole = p.lines.reduce((s, l) => s + BigInt(l.unitPriceFen) * BigInt(l.quantity), 0n) + p.shippingFen;
  // A partly paid order is charged its balance only, as one line.
  if (whole !== p.amountFen) return [item(`订单 ${p.orderNo} 应付余额`, Number(p.amountFen))];
  const items = p.lines.map((l) => item(`${l.name}（${l.spec}）`, l.unitPriceFen, l.quantity));
  return p.shippingFen > 0n ? [...items, item('运费', Number(p.shippingFen))] : items;
}

function stripeClient(): Stripe {
  const stripe = getStripe();
  if (!stripe) throw new Error('Stripe is not configured');
  return stripe;
}

/** A Stripe error that says the object is not in a state for the call (a session no longer open). */
const isInvalidRequest = (e: unknown) => e instanceof Stripe.errors.StripeInvalidRequestError;

export const stripeProvider: PaymentProvider = {
  id: 'stripe',
  exact: true,
  recordsRefunds: false,

  /** A Checkout Session in CNY for the balance, expiring with the order; the charge carries the order too. */
  async createPayment(p) {
    const appUrl = getEnv().appUrl;
    const metadata = { orderId: p.orderId, orderNo: p.orderNo };
    const session = await stripeClient().checkout.sessions.create(
      {
        mode: 'payment',
        currency: 'cny',
        allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
        payment_method_options: { wechat_pay: { client: 'web' } },
        line_items: lineItems(p),
        client_reference_id: p.orderId,
        metadata,
        payment_intent_data: { metadata },
        expires_at: Math.floor(p.expiresAt.getTime() / 1000),
        // Both return to 支付结果, which reads the session again when its webhook has not arrived yet.
        success_url: `${appUrl}/pay/result/${p.orderNo}`,
        cancel_url: `${appUrl}/pay/result/${p.orderNo}`,
      },
      { idempotencyKey: `checkout-session:${p.orderId}:${p.amountFen}` },
    );
    if (!session.url) throw new Error('Stripe returned no checkout URL');
    return { payUrl: session.url, sessionRef: session.id };
  },

  async parseNotification(raw, headers) {
    const secret = getEnv().STRIPE_WEBHOOK_SECRET;
    const signature = headers.get('stripe-signature');
    let event: Stripe.Event;
    try {
      if (!secret || !signature) throw new Error('unsigned');
      event = verifier.webhooks.constructEvent(raw, signature, secret, 300);
    } catch {
      throw new InvalidNotificationError('signature');
    }
    return { eventId: event.id, eventType: event.type, notification: await readEvent(event) };
  },

  /**
   * The refund Stripe made (re_…), keyed by the caller's idempotency key so that a retry refunds once.
   * A refund Stripe refuses (more than is left of the charge: one made in its dashboard whose
   * charge.refunded is still on its way, say) is refused to the office, as the other providers do.
   */
  async refund({ paymentRef, amountFen, idempotencyKey }) {
    try {
      const r = await stripeClient().refunds.create(
        { payment_intent: paymentRef, amount: Number(amountFen) },
        { idempotencyKey },
      );
      return { externalRef: r.id, amountFen: BigInt(r.amount), currency: r.currency };
    } catch (e) {
      if (!isInvalidRequest(e)) throw e;
      const code = (e as Stripe.errors.StripeInvalidRequestError).code;
      throw new AppError(
        'conflict',
        code === 'amount_too_large' || code === 'charge_already_refunded'
          ? 'Stripe 退款失败：该笔付款的可退金额不足（可能已在 Stripe 后台退款），请稍后刷新后重试'
          : `Stripe 退款失败：${(e as Error).message}`,
      );
    }
  },

  /** Expires the session; one no longer open (already paid or expired) is left as it is. */
  async close(sessionRef) {
    try {
      await stripeClient().checkout.sessions.expire(sessionRef);
    } catch (e) {
      if (!isInvalidRequest(e)) throw e;
    }
  },

  lookup: lookupSession,
};

/**
 * A Checkout Session read again: open (its URL), or what became of it as the event Stripe sends for it
 * (completed with payment, expired), under an event id of its own, so that it is applied once and the
 * webhook's later event finds the payment already recorded (by its payment intent).
 */
async function lookupSession(sessionRef: string): Promise<PaymentLookup | null> {
  const s = await stripeClient().checkout.sessions.retrieve(sessionRef);
  if (s.status === 'open') return s.url ? { state: 'open', payUrl: s.url } : null;
  const complete = s.status === 'complete';
  return {
    state: 'done',
    parsed: {
      eventId: `lookup:${s.id}:${s.status}:${s.payment_status}`,
      eventType: complete ? 'checkout.session.completed' : 'checkout.session.expired',
      notification: complete ? sessionPaid(s) : sessionClosed(s, false),
    },
  };
}

/** A completed session as money received (ignored until it is paid: an async payment still pending). */
function sessionPaid(s: Stripe.Checkout.Session): Notification {
  if (s.payment_status !== 'paid' || s.amount_total === null) return { type: 'ignored' };
  return {
    type: 'payment',
    sessionRef: s.id,
    orderRef: s.metadata?.orderId ?? s.client_reference_id ?? null,
    externalRef: refOf(s.payment_intent) ?? s.id,
    amountFen: BigInt(s.amount_total),
    currency: (s.currency ?? '').toLowerCase(),
  };
}

function sessionClosed(s: Stripe.Checkout.Session, failed: boolean): Notification {
  return {
    type: 'closed',
    sessionRef: s.id,
    orderRef: s.metadata?.orderId ?? s.client_reference_id ?? null,
    to: failed ? 'cancelled' : 'expired',
    reason: failed ? '支付失败' : '支付会话已过期',
  };
}

async function readEvent(event: Stripe.Event): Promise<Notification> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return sessionPaid(event.data.object);
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return sessionClosed(event.data.object, event.type === 'checkout.session.async_payment_failed');
    case 'charge.refunded': {
      // The charge no longer lists its refunds (API 2022-11-15): they are read from Stripe, each with
      // its own id, so that every refund is counted once whichever path reports it first.
      const c = event.data.object;
      const refunds = [];
      for await (const r of stripeClient().refunds.list({ charge: c.id, limit: 100 }))
        if (r.status === 'succeeded' || r.status === 'pending')
          refunds.push({ externalRef: r.id, amountFen: BigInt(r.amount), currency: r.currency });
      return { type: 'refunds', paymentRef: refOf(c.payment_intent) ?? c.id, ours: !!c.metadata?.orderId, refunds };
    }
    default:
      return { type: 'ignored' };
  }
}
