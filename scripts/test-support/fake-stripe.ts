import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for api.stripe.com that speaks the part of Stripe's protocol the store uses, and
 * keeps the truth of what money moved: Checkout Sessions (create, expire), their completion (a charge),
 * refunds (create, list by charge), with Idempotency-Key replays answered with the first response and
 * Stripe's error shape for refused calls. Tests complete sessions and refund "from the dashboard"
 * through it, then deliver the events it builds, signed as Stripe signs them.
 */
type Session = {
  id: string;
  status: 'open' | 'complete' | 'expired';
  amount: number;
  currency: string;
  orderId: string | null;
  orderNo: string | null;
  expiresAt: number;
  pi: string | null;
};
type Charge = { id: string; pi: string; amount: number; currency: string; orderId: string | null };
type Refund = { id: string; charge: string; pi: string; amount: number; currency: string; status: 'succeeded' };

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

export async function startFakeStripe(webhookSecret = 'whsec_test_secret') {
  const sessions = new Map<string, Session>();
  const charges = new Map<string, Charge>(); // by payment intent
  const refunds: Refund[] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; path: string; body: URLSearchParams; headers: IncomingMessage['headers'] }[] = [];
  let n = 0;
  const next = (prefix: string) => `${prefix}_fake_${(++n).toString().padStart(6, '0')}`;

  const sessionJson = (s: Session) => ({
    id: s.id,
    object: 'checkout.session',
    url: `https://checkout.stripe.test/${s.id}`,
    status: s.status,
    payment_status: s.status === 'complete' ? 'paid' : 'unpaid',
    amount_total: s.amount,
    currency: s.currency,
    client_reference_id: s.orderId,
    metadata: s.orderId ? { orderId: s.orderId, orderNo: s.orderNo } : {},
    payment_intent: s.pi,
    expires_at: s.expiresAt,
  });
  const refundJson = (r: Refund) => ({
    id: r.id,
    object: 'refund',
    amount: r.amount,
    charge: r.charge,
    currency: r.currency,
    payment_intent: r.pi,
    status: r.status,
  });
  const refused = (message: string, code = 'resource_missing') => ({
    status: 400,
    body: { error: { type: 'invalid_request_error', code, message } },
  });

  function handle(method: string, path: string, body: URLSearchParams): { status: number; body: unknown } {
    const url = new URL(path, 'http://fake');
    if (method === 'POST' && url.pathname === '/v1/checkout/sessions') {
      let amount = 0;
      for (let i = 0; body.has(`line_items[${i}][quantity]`); i++)
        amount +=
          Number(body.get(`line_items[${i}][price_data][unit_amount]`)) *
          Number(body.get(`line_items[${i}][quantity]`));
      const s: Session = {
        id: next('cs'),
        status: 'open',
        amount,
        currency: body.get('currency') ?? 'cny',
        orderId: body.get('metadata[orderId]') ?? body.get('client_reference_id'),
        orderNo: body.get('metadata[orderNo]'),
        expiresAt: Number(body.get('expires_at')),
        pi: null,
      };
      sessions.set(s.id, s);
      return { status: 200, body: sessionJson(s) };
    }
    const one = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(url.pathname);
    if (method === 'GET' && one) {
      const s = sessions.get(one[1]!);
      return s ? { status: 200, body: sessionJson(s) } : refused('No such checkout.session');
    }
    const expire = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(url.pathname);
    if (method === 'POST' && expire) {
      const s = sessions.get(expire[1]!);
      if (!s) return refused('No such checkout.session');
      if (s.status !== 'open')
        return refused(`Only Checkout Sessions with a status in ["open"] can be expired.`, 'checkout_session_not_open');
      s.status = 'expired';
      return { status: 200, body: sessionJson(s) };
    }
    if (method === 'POST' && url.pathname === '/v1/refunds') {
      const c = charges.get(body.get('payment_intent') ?? '');
      if (!c) return refused('No such payment_intent');
      const left = c.amount - refundedOf(c.pi);
      const amount = body.has('amount') ? Number(body.get('amount')) : left;
      if (amount <= 0 || amount > left)
        return refused(
          `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
          'amount_too_large',
        );
      const r: Refund = { id: next('re'), charge: c.id, pi: c.pi, amount, currency: c.currency, status: 'succeeded' };
      refunds.push(r);
      return { status: 200, body: refundJson(r) };
    }
    if (method === 'GET' && url.pathname === '/v1/refunds') {
      const charge = url.searchParams.get('charge');
      const data = refunds
        .filter((r) => r.charge === charge)
        .reverse()
        .map(refundJson);
      return { status: 200, body: { object: 'list', data, has_more: false, url: '/v1/refunds' } };
    }
    return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL` } } };
  }

  const refundedOf = (pi: string) => refunds.filter((r) => r.pi === pi).reduce((s, r) => s + r.amount, 0);

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = new URLSearchParams(raw);
      requests.push({ method: req.method ?? '', path: req.url ?? '', body, headers: req.headers });
      const key = req.headers['idempotency-key'];
      const k = typeof key === 'string' ? `${req.method} ${new URL(req.url ?? '', 'http://f').pathname} ${key}` : null;
      const reply = (k && replies.get(k)) || handle(req.method ?? '', req.url ?? '', body);
      if (k) replies.set(k, reply);
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': `req_${n}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  let ev = 0;
  const event = (type: string, object: unknown) => ({
    id: `evt_fake_${Date.now().toString(36)}_${++ev}`,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: null,
  });
  const chargeJson = (c: Charge) => ({
    id: c.id,
    object: 'charge',
    amount: c.amount,
    amount_refunded: refundedOf(c.pi),
    currency: c.currency,
    payment_intent: c.pi,
    refunded: refundedOf(c.pi) === c.amount,
    metadata: c.orderId ? { orderId: c.orderId } : {},
  });
  const signer = new Stripe('sk_test_fake');

  return {
    port,
    env: {
      STRIPE_SECRET_KEY: 'sk_test_fake',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(port),
      STRIPE_API_PROTOCOL: 'http',
    },
    requests,
    sessions,
    /** The buyer pays a session: a charge for its amount; returns checkout.session.completed. */
    complete(sessionId: string) {
      const s = sessions.get(sessionId);
      if (!s || s.status !== 'open') throw new Error(`session ${sessionId} is not open`);
      s.status = 'complete';
      s.pi = next('pi');
      charges.set(s.pi, { id: next('ch'), pi: s.pi, amount: s.amount, currency: s.currency, orderId: s.orderId });
      return event('checkout.session.completed', sessionJson(s));
    },
    /**
     * A session made outside the store (a Payment Link, another integration) naming `orderRef`, paid at
     * once: its own amount and currency.
     */
    foreignPayment({ orderRef, amount, currency }: { orderRef: string | null; amount: number; currency: string }) {
      const s: Session = {
        id: next('cs'),
        status: 'open',
        amount,
        currency,
        orderId: orderRef,
        orderNo: null,
        expiresAt: 0,
        pi: null,
      };
      sessions.set(s.id, s);
      return this.complete(s.id);
    },
    /** A refund made in Stripe's dashboard (not through the store); returns charge.refunded. */
    dashboardRefund(pi: string, amount: number) {
      const c = charges.get(pi);
      if (!c || amount > c.amount - refundedOf(pi)) throw new Error('cannot refund that');
      refunds.push({ id: next('re'), charge: c.id, pi, amount, currency: c.currency, status: 'succeeded' });
      return event('charge.refunded', chargeJson(c));
    },
    /** charge.refunded as Stripe sends it after any refund of the payment. */
    chargeRefunded(pi: string) {
      return event('charge.refunded', chargeJson(charges.get(pi)!));
    },
    expiredEvent(sessionId: string) {
      return event('checkout.session.expired', sessionJson(sessions.get(sessionId)!));
    },
    /** What Stripe moved: charged and refunded, per currency. */
    totals() {
      const charged = new Map<string, number>();
      const refunded = new Map<string, number>();
      for (const c of charges.values()) charged.set(c.currency, (charged.get(c.currency) ?? 0) + c.amount);
      for (const r of refunds) refunded.set(r.currency, (refunded.get(r.currency) ?? 0) + r.amount);
      return { charged, refunded };
    },
    refundsOf: (pi: string) => refunds.filter((r) => r.pi === pi),
    /** A signed delivery of an event to a webhook handler. */
    signed(e: object, { secret = webhookSecret, timestamp }: { secret?: string; timestamp?: number } = {}) {
      const payload = JSON.stringify(e);
      return {
        payload,
        header: signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
      };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
