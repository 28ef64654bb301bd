import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind, getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { address, contact, scalar, setStock, stockOf } from '@/scripts/test-support/orders';

/** A local stand-in for api.stripe.com that records what the client sends. */
const captured: { path: string; headers: IncomingMessage['headers']; body: URLSearchParams }[] = [];
const fake = createServer((req, res) => {
  let raw = '';
  req.on('data', (c) => (raw += c));
  req.on('end', () => {
    captured.push({ path: req.url ?? '', headers: req.headers, body: new URLSearchParams(raw) });
    res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_test' });
    res.end(
      JSON.stringify({
        id: `cs_test_${captured.length}`,
        object: 'checkout.session',
        url: `https://checkout.stripe.test/cs_test_${captured.length}`,
      }),
    );
  });
});
await new Promise<void>((r) => fake.listen(0, '127.0.0.1', r));
vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_local');
vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_test_secret');
vi.stubEnv('STRIPE_API_HOST', '127.0.0.1');
vi.stubEnv('STRIPE_API_PORT', String((fake.address() as AddressInfo).port));
vi.stubEnv('STRIPE_API_PROTOCOL', 'http');
vi.stubEnv('PAYMENT_SIMULATOR', '0');

const { startCheckout } = await import('./checkout');
const { POST: webhook } = await import('@/app/api/stripe/webhook/route');
useSeededDatabase();
afterAll(() => fake.close());

const stripe = new Stripe('sk_test_local');
const secret = 'whsec_test_secret';
let n = 0;

function event(type: string, object: Record<string, unknown>, id = `evt_${Date.now()}_${n++}`) {
  return {
    id,
    object: 'event',
    type,
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: null,
  };
}
function deliver(payload: string, header?: string | null): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header !== null)
    headers['stripe-signature'] = header ?? stripe.webhooks.generateTestHeaderString({ payload, secret });
  return webhook(new Request('http://localhost/api/stripe/webhook', { method: 'POST', headers, body: payload }));
}
async function newOrder(slug = 'manhao-bananas', quantity = 2) {
  const r = await startCheckout({
    items: [{ slug, quantity }],
    contact,
    shippingAddress: address,
    paymentMethod: 'stripe',
    invoice: null,
    userId: null,
  });
  return r;
}
const completed = (o: { orderId: string; totalFen: bigint }, pi: string) => ({
  id: `cs_${pi}`,
  object: 'checkout.session',
  payment_status: 'paid',
  amount_total: Number(o.totalFen),
  payment_intent: pi,
  client_reference_id: o.orderId,
  metadata: { orderId: o.orderId },
});
const state = async (orderId: string) => ({
  status: await scalar(sql`select status from orders where id = ${orderId}`),
  payments: await scalar(sql`select count(*) from payments where order_id = ${orderId}`),
  ledger: await scalar(sql`select count(*) from sales_ledger where order_id = ${orderId}`),
  events: await scalar(sql`select count(*) from webhook_events`),
});

// Webhook tests run on the real server: they exercise concurrent deliveries.
describe.skipIf(dbKind() === 'pglite')('Stripe Checkout and webhooks (PostgreSQL)', () => {
  beforeAll(async () => {
    await setStock('manhao-bananas', 10_000);
  });

  it('creates the Checkout Session the way Stripe needs it', async () => {
    const before = captured.length;
    const o = await newOrder('manhao-bananas', 3);
    const req = captured[before]!;
    expect(req.path).toBe('/v1/checkout/sessions');
    expect(req.headers['idempotency-key']).toBe(`checkout-session:${o.orderId}`);
    expect(req.body.get('currency')).toBe('cny');
    expect(req.body.get('mode')).toBe('payment');
    expect([0, 1, 2].map((i) => req.body.get(`allowed_payment_method_types[${i}]`))).toEqual([
      'card',
      'alipay',
      'wechat_pay',
    ]);
    expect(req.body.get('line_items[0][price_data][unit_amount]')).toBe('3900');
    expect(req.body.get('line_items[0][quantity]')).toBe('3');
    expect(req.body.get('line_items[0][price_data][currency]')).toBe('cny');
    expect(req.body.get('metadata[orderId]')).toBe(o.orderId);
    const expires = Number(req.body.get('expires_at'));
    expect(expires - Date.now() / 1000).toBeGreaterThan(29.5 * 60);
    expect(expires - Date.now() / 1000).toBeLessThan(31.5 * 60);
    expect(o.payUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(await scalar(sql`select stripe_session_id from orders where id = ${o.orderId}`)).toMatch(/^cs_test_/);
  });

  it('answers 400 and writes nothing for a changed byte, a missing header and a stale timestamp', async () => {
    const o = await newOrder();
    const payload = JSON.stringify(event('checkout.session.completed', completed(o, 'pi_tamper')));
    const before = await state(o.orderId);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect((await deliver(payload.replace('"paid"', '"pair"'), header)).status).toBe(400);
    expect((await deliver(payload, null)).status).toBe(400);
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect((await deliver(payload, stale)).status).toBe(400);
    expect(await state(o.orderId)).toEqual(before);
    expect(before.status).toBe('pending_payment');
  });

  it('the same event 10× in a row and 10× at once: paid once, ledger written once', async () => {
    const a = await newOrder();
    const payloadA = JSON.stringify(event('checkout.session.completed', completed(a, 'pi_seq')));
    for (let i = 0; i < 10; i++) expect((await deliver(payloadA)).status).toBe(200);
    expect(await state(a.orderId)).toMatchObject({ status: 'paid', payments: '1', ledger: '1' });

    const b = await newOrder();
    const payloadB = JSON.stringify(event('checkout.session.completed', completed(b, 'pi_conc')));
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(payloadB)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await state(b.orderId)).toMatchObject({ status: 'paid', payments: '1', ledger: '1' });
    // The ledger holds the goods, never the shipping.
    expect(await scalar(sql`select sum(amount_fen) from sales_ledger where order_id = ${b.orderId}`)).toBe(
      await scalar(sql`select items_fen from orders where id = ${b.orderId}`),
    );
  });

  it('expired after completed: the order stays paid and stock is not released', async () => {
    const o = await newOrder('manhao-bananas', 4);
    const stockAfterOrder = await stockOf('manhao-bananas');
    await deliver(JSON.stringify(event('checkout.session.completed', completed(o, 'pi_exp'))));
    const r = await deliver(
      JSON.stringify(
        event('checkout.session.expired', {
          id: 'cs_x',
          object: 'checkout.session',
          client_reference_id: o.orderId,
          metadata: { orderId: o.orderId },
        }),
      ),
    );
    expect(r.status).toBe(200);
    expect((await state(o.orderId)).status).toBe('paid');
    expect(await stockOf('manhao-bananas')).toBe(stockAfterOrder);
  });

  it('expired on an unpaid order releases stock once, however often it arrives', async () => {
    const o = await newOrder('manhao-bananas', 5);
    const afterOrder = await stockOf('manhao-bananas');
    const payload = JSON.stringify(
      event('checkout.session.expired', {
        id: 'cs_y',
        object: 'checkout.session',
        client_reference_id: o.orderId,
        metadata: { orderId: o.orderId },
      }),
    );
    await Promise.all(Array.from({ length: 5 }, () => deliver(payload)));
    expect((await state(o.orderId)).status).toBe('expired');
    expect(await stockOf('manhao-bananas')).toBe(afterOrder + 5);
  });

  it('a failure after the stock write rolls everything back; the redelivery succeeds once', async () => {
    await getDb().execute(sql`create table if not exists test_fail_switch (on_ boolean)`);
    await getDb().execute(sql`create or replace function test_fail_expiry() returns trigger language plpgsql as $$
      begin if exists (select 1 from test_fail_switch) and new.status = 'expired' then raise exception 'injected failure'; end if; return new; end $$`);
    await getDb().execute(sql`drop trigger if exists test_fail_expiry on orders`);
    await getDb().execute(
      sql`create trigger test_fail_expiry before update on orders for each row execute function test_fail_expiry()`,
    );
    await getDb().execute(sql`insert into test_fail_switch values (true)`);

    const o = await newOrder('manhao-bananas', 6);
    const afterOrder = await stockOf('manhao-bananas');
    const before = await state(o.orderId);
    const payload = JSON.stringify(
      event('checkout.session.expired', {
        id: 'cs_z',
        object: 'checkout.session',
        client_reference_id: o.orderId,
        metadata: { orderId: o.orderId },
      }),
    );
    expect((await deliver(payload)).status).toBe(500);
    expect(await stockOf('manhao-bananas')).toBe(afterOrder); // the stock release was rolled back
    expect(await state(o.orderId)).toEqual(before); // and the event id with it

    await getDb().execute(sql`delete from test_fail_switch`);
    expect((await deliver(payload)).status).toBe(200);
    expect((await deliver(payload)).status).toBe(200);
    expect((await state(o.orderId)).status).toBe('expired');
    expect(await stockOf('manhao-bananas')).toBe(afterOrder + 6);
    await getDb().execute(sql`drop trigger test_fail_expiry on orders`);
  });

  it('charge.refunded records partial then full refunds once each, with negative ledger rows', async () => {
    const o = await newOrder('manhao-bananas', 2); // 78 yuan + 8 shipping
    await deliver(JSON.stringify(event('checkout.session.completed', completed(o, 'pi_ref'))));
    const charge = (refunded: number) => ({
      id: 'ch_ref',
      object: 'charge',
      payment_intent: 'pi_ref',
      amount_refunded: refunded,
    });
    const partial = JSON.stringify(event('charge.refunded', charge(3900)));
    await deliver(partial);
    await deliver(partial);
    expect((await state(o.orderId)).status).toBe('partially_refunded');
    await deliver(JSON.stringify(event('charge.refunded', charge(Number(o.totalFen)))));
    expect((await state(o.orderId)).status).toBe('refunded');
    expect(await scalar(sql`select sum(amount_fen) from sales_ledger where order_id = ${o.orderId}`)).toBe('0');
    expect(await scalar(sql`select refunded_fen from orders where id = ${o.orderId}`)).toBe(String(o.totalFen));
  });
});
