import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind, getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeStripe } from '@/scripts/test-support/fake-stripe';
import { address, contact, scalar, setStock, stockOf } from '@/scripts/test-support/orders';

/**
 * Stripe Checkout and its webhook against a local Stripe that keeps the truth of what money moved.
 * The cases of issue 14 ("Why" 1–3) each failed on the code before the money model: a refund counted
 * twice, a late completion only logged, a usd session marking a ¥ order paid, a Payment Link's
 * reference answered 500 on every retry.
 */
const fake = await startFakeStripe('whsec_test_secret');
for (const [k, v] of Object.entries(fake.env)) vi.stubEnv(k, v);
vi.stubEnv('PAYMENT_SIMULATOR', '0');
const { startCheckout } = await import('./checkout');
const { refundOrderMoney } = await import('./refunds');
const { endOrder } = await import('./sessions');
const { POST: webhook } = await import('@/app/api/stripe/webhook/route');
useSeededDatabase();
afterAll(() => fake.close());

function deliver(e: object, header?: string | null, payload = JSON.stringify(e)): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (header !== null) headers['stripe-signature'] = header ?? fake.signed(e).header;
  return webhook(new Request('http://localhost/api/stripe/webhook', { method: 'POST', headers, body: payload }));
}
const ok = async (e: object) => {
  const r = await deliver(e);
  expect(r.status, await r.clone().text()).toBe(200);
  return ((await r.json()) as { effect: string }).effect;
};

async function newOrder(slug = 'manhao-bananas', quantity = 2) {
  const o = await startCheckout({
    items: [{ slug, quantity }],
    contact,
    shippingAddress: address,
    paymentMethod: 'stripe',
    invoice: null,
    userId: null,
  });
  const sessionId = await scalar(sql`select external_ref from payment_sessions where order_id = ${o.orderId}`);
  return { ...o, sessionId };
}
const order = async (orderId: string) => ({
  status: await scalar(sql`select status from orders where id = ${orderId}`),
  paid: await scalar(sql`select paid_fen from orders where id = ${orderId}`),
  refunded: await scalar(sql`select refunded_fen from orders where id = ${orderId}`),
  movements: await scalar(sql`select count(*) from payment_movements where order_id = ${orderId}`),
  ledger: await scalar(sql`select count(*) from sales_ledger where order_id = ${orderId}`),
});
const unmatched = (orderId: string) =>
  scalar(
    sql`select coalesce(string_agg(reason, ','), '') from (select unmatched_reason as reason from payment_movements where order_id = ${orderId} and state = 'unmatched' order by created_at) x`,
  );
const piOf = (orderId: string) =>
  scalar(sql`select external_ref from payment_movements where order_id = ${orderId} and kind = 'payment' limit 1`);

// Webhook tests run on the real server: they exercise concurrent deliveries.
describe.skipIf(dbKind() === 'pglite')('Stripe Checkout and webhooks (PostgreSQL)', () => {
  beforeAll(async () => {
    await setStock('manhao-bananas', 10_000);
  });

  it('creates the Checkout Session for the balance, expiring with the order, the charge carrying the order', async () => {
    const before = fake.requests.length;
    const o = await newOrder('manhao-bananas', 3);
    const req = fake.requests[before]!;
    expect(req.path).toBe('/v1/checkout/sessions');
    expect(req.headers['idempotency-key']).toBe(`checkout-session:${o.orderId}:${o.totalFen}`);
    expect(req.body.get('currency')).toBe('cny');
    expect(req.body.get('mode')).toBe('payment');
    expect([0, 1, 2].map((i) => req.body.get(`allowed_payment_method_types[${i}]`))).toEqual([
      'card',
      'alipay',
      'wechat_pay',
    ]);
    expect(req.body.get('line_items[0][price_data][unit_amount]')).toBe('3900');
    expect(req.body.get('line_items[0][quantity]')).toBe('3');
    expect(req.body.get('metadata[orderId]')).toBe(o.orderId);
    expect(req.body.get('payment_intent_data[metadata][orderId]')).toBe(o.orderId);
    const expires = Number(req.body.get('expires_at'));
    const orderExpires = Date.parse(await scalar(sql`select expires_at::text from orders where id = ${o.orderId}`));
    expect(expires).toBeLessThanOrEqual(Math.floor(orderExpires / 1000)); // never outlives the order
    expect(expires - Date.now() / 1000).toBeGreaterThan(30 * 60); // Stripe's minimum
    expect(o.payUrl).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    expect(o.sessionId).toMatch(/^cs_fake_/);
  });

  it('answers 400 and writes nothing for a changed byte, a missing header and a stale timestamp', async () => {
    const o = await newOrder();
    const e = fake.complete(o.sessionId);
    const { payload, header } = fake.signed(e);
    const before = await order(o.orderId);
    expect((await deliver(e, header, payload.replace('"paid"', '"pair"'))).status).toBe(400);
    expect((await deliver(e, null)).status).toBe(400);
    const stale = fake.signed(e, { timestamp: Math.floor(Date.now() / 1000) - 301 }).header;
    expect((await deliver(e, stale)).status).toBe(400);
    expect((await deliver(e, fake.signed(e, { secret: 'whsec_other' }).header)).status).toBe(400);
    expect(await order(o.orderId)).toEqual(before);
    expect(before.status).toBe('pending_payment');
  });

  it('the same completion 10× in a row and 10× at once: paid once, ledger written once', async () => {
    const a = await newOrder();
    const ea = fake.complete(a.sessionId);
    for (let i = 0; i < 10; i++) await ok(ea);
    expect(await order(a.orderId)).toMatchObject({ status: 'paid', movements: '1', ledger: '1' });
    const b = await newOrder();
    const eb = fake.complete(b.sessionId);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(eb)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await order(b.orderId)).toMatchObject({ status: 'paid', movements: '1', ledger: '1' });
    // The same payment under another event id (Stripe may send both completed and async_payment_succeeded).
    await ok({ ...eb, id: `evt_again_${Date.now()}`, type: 'checkout.session.async_payment_succeeded' });
    expect(await order(b.orderId)).toMatchObject({ paid: String(b.totalFen), movements: '1', ledger: '1' });
    expect(await scalar(sql`select sum(amount_fen) from sales_ledger where order_id = ${b.orderId}`)).toBe(
      await scalar(sql`select items_fen from orders where id = ${b.orderId}`),
    );
  });

  it('Why 1: the office refund and charge.refunded record one refund, in either order and replayed', async () => {
    for (const webhookFirst of [false, true]) {
      const o = await newOrder('manhao-bananas', 2); // ¥78 + ¥8 shipping
      await ok(fake.complete(o.sessionId));
      const pi = await piOf(o.orderId);
      const requestId = randomUUID();
      const actorId = await scalar(sql`select id from users where email = 'admin@example.com'`);
      if (webhookFirst) {
        // The office's call reaches Stripe but its answer is lost; Stripe's event arrives first; the
        // office submits the same form again (same idempotency key: Stripe answers with the same re_…).
        const sourceId = await scalar(sql`select id from payment_movements where external_ref = ${pi}`);
        const lost = await fetch(`http://127.0.0.1:${fake.port}/v1/refunds`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'idempotency-key': `refund:${requestId}:${sourceId}`,
          },
          body: `payment_intent=${pi}&amount=3000`,
        });
        expect(lost.status).toBe(200);
        await ok(fake.chargeRefunded(pi));
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId });
      } else {
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId });
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId }); // SDK/office retry
        await ok(fake.chargeRefunded(pi));
        await ok(fake.chargeRefunded(pi));
      }
      expect(fake.refundsOf(pi).map((r) => r.amount)).toEqual([3000]); // one refund at Stripe …
      expect(await order(o.orderId)).toMatchObject({ refunded: '3000', status: 'partially_refunded' }); // … counted once
      // One refund row for the one line: ¥30 split between the goods (¥78) and shipping (¥8) in proportion.
      expect(
        await scalar(
          sql`select count(*) || ':' || -sum(amount_fen) from sales_ledger where order_id = ${o.orderId} and kind = 'refund'`,
        ),
      ).toBe('1:2721');
    }
  });

  it('charge.refunded before the payment is recorded is retried (409), then counts once', async () => {
    const o = await newOrder();
    const completed = fake.complete(o.sessionId);
    const pi = (completed.data.object as { payment_intent: string }).payment_intent;
    const refunded = fake.dashboardRefund(pi, Number(o.totalFen));
    expect((await deliver(refunded)).status).toBe(409);
    await ok(completed);
    await ok(refunded);
    expect(await order(o.orderId)).toMatchObject({ status: 'refunded', refunded: String(o.totalFen) });
    expect(await scalar(sql`select coalesce(sum(amount_fen), 0) from sales_ledger where order_id = ${o.orderId}`)).toBe(
      '0',
    );
  });

  it('Why 2: cancelling expires the Stripe session; a completion that still arrives goes to 待处理款项', async () => {
    const o = await newOrder('manhao-bananas', 4);
    const stockAfterOrder = await stockOf('manhao-bananas');
    const late = fake.complete(o.sessionId); // the buyer paid just before the office cancelled
    const cancelled = await newOrder('manhao-bananas', 1);
    expect(await endOrder({ orderId: cancelled.orderId, to: 'cancelled', reason: '测试' })).toBe('applied');
    expect(fake.sessions.get(cancelled.sessionId)!.status).toBe('expired');
    expect(fake.requests.some((r) => r.path === `/v1/checkout/sessions/${cancelled.sessionId}/expire`)).toBe(true);

    expect(await endOrder({ orderId: o.orderId, to: 'cancelled', reason: '测试' })).toBe('applied');
    expect(await stockOf('manhao-bananas')).toBe(stockAfterOrder + 4);
    expect(await ok(late)).toBe('unmatched');
    expect(await ok(late)).toBe('duplicate');
    expect(await order(o.orderId)).toMatchObject({ status: 'cancelled', paid: '0', ledger: '0' });
    expect(await unmatched(o.orderId)).toBe('order_closed');
  });

  it('Why 2: a completion after the order expired, and a second payment of a paid order, go to 待处理款项', async () => {
    const o = await newOrder();
    const e = fake.complete(o.sessionId);
    await getDb().execute(sql`update orders set expires_at = now() - interval '1 minute' where id = ${o.orderId}`);
    const { expireOverdueAndClose } = await import('./sessions');
    expect(await expireOverdueAndClose()).toContain(o.orderId);
    expect(await ok(e)).toBe('unmatched');
    expect(await unmatched(o.orderId)).toBe('order_closed');

    const p = await newOrder();
    await ok(fake.complete(p.sessionId));
    expect(await ok(fake.foreignPayment({ orderRef: p.orderId, amount: Number(p.totalFen), currency: 'cny' }))).toBe(
      'unmatched',
    );
    expect(await order(p.orderId)).toMatchObject({ status: 'paid', paid: String(p.totalFen), ledger: '1' });
    expect(await unmatched(p.orderId)).toBe('already_paid');
  });

  it('Why 3: a usd or wrong-amount session never pays the order; it waits in 待处理款项', async () => {
    const o = await newOrder();
    expect(await ok(fake.foreignPayment({ orderRef: o.orderId, amount: Number(o.totalFen), currency: 'usd' }))).toBe(
      'unmatched',
    );
    expect(
      await ok(fake.foreignPayment({ orderRef: o.orderId, amount: Number(o.totalFen) - 1, currency: 'cny' })),
    ).toBe('unmatched');
    expect(await order(o.orderId)).toMatchObject({ status: 'pending_payment', paid: '0', ledger: '0' });
    expect(await unmatched(o.orderId)).toBe('currency_mismatch,amount_mismatch');
    await ok(fake.complete(o.sessionId)); // the right payment still pays it
    expect(await order(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen) });
  });

  it('Why 3: a reference that is not one of ours is acknowledged (200) and recorded, every time', async () => {
    const before = Number(await scalar(sql`select count(*) from payment_movements where order_id is null`));
    for (const orderRef of ['plink_3f9a', 'not-a-uuid', '00000000-0000-4000-8000-000000000000', null]) {
      const e = fake.foreignPayment({ orderRef, amount: 5300, currency: 'cny' });
      expect(await ok(e)).toBe('unmatched');
      expect(await ok(e)).toBe('duplicate');
    }
    expect(
      await scalar(
        sql`select string_agg(coalesce(given_order_ref, '-') || ':' || unmatched_reason, ',' order by created_at) from (select * from payment_movements where order_id is null order by created_at offset ${before}) x`,
      ),
    ).toBe(
      'plink_3f9a:unknown_order,not-a-uuid:unknown_order,00000000-0000-4000-8000-000000000000:unknown_order,-:unknown_order',
    );
    // Its refund (from the dashboard) returns it: nothing is left in 待处理款项 for it.
    const e = fake.foreignPayment({ orderRef: 'plink_x', amount: 100, currency: 'cny' });
    await ok(e);
    const pi = (e.data.object as { payment_intent: string }).payment_intent;
    expect(await ok(fake.dashboardRefund(pi, 100))).toBe('applied');
    expect(await scalar(sql`select state from payment_movements where external_ref = ${pi}`)).toBe('returned');
  });

  it('expired after completed: the order stays paid; expired on an unpaid order releases stock once', async () => {
    const o = await newOrder('manhao-bananas', 4);
    const afterOrder = await stockOf('manhao-bananas');
    await ok(fake.complete(o.sessionId));
    await ok(fake.expiredEvent(o.sessionId));
    expect((await order(o.orderId)).status).toBe('paid');
    expect(await stockOf('manhao-bananas')).toBe(afterOrder);

    const p = await newOrder('manhao-bananas', 5);
    const afterP = await stockOf('manhao-bananas');
    const e = fake.expiredEvent(p.sessionId);
    await Promise.all(Array.from({ length: 5 }, () => deliver(e)));
    expect((await order(p.orderId)).status).toBe('expired');
    expect(await stockOf('manhao-bananas')).toBe(afterP + 5);
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
    const before = await order(o.orderId);
    const e = fake.expiredEvent(o.sessionId);
    expect((await deliver(e)).status).toBe(500);
    expect(await stockOf('manhao-bananas')).toBe(afterOrder); // the stock release was rolled back
    expect(await order(o.orderId)).toEqual(before); // and the event id with it
    await getDb().execute(sql`delete from test_fail_switch`);
    expect((await deliver(e)).status).toBe(200);
    expect((await deliver(e)).status).toBe(200);
    expect((await order(o.orderId)).status).toBe('expired');
    expect(await stockOf('manhao-bananas')).toBe(afterOrder + 6);
    await getDb().execute(sql`drop trigger test_fail_expiry on orders`);
  });

  it('charge.refunded records partial then full refunds once each, with negative ledger rows', async () => {
    const o = await newOrder('manhao-bananas', 2);
    await ok(fake.complete(o.sessionId));
    const pi = await piOf(o.orderId);
    const partial = fake.dashboardRefund(pi, 3900);
    await ok(partial);
    await ok(partial);
    expect((await order(o.orderId)).status).toBe('partially_refunded');
    await ok(fake.dashboardRefund(pi, Number(o.totalFen) - 3900));
    expect(await order(o.orderId)).toMatchObject({ status: 'refunded', refunded: String(o.totalFen) });
    expect(await scalar(sql`select sum(amount_fen) from sales_ledger where order_id = ${o.orderId}`)).toBe('0');
  });
});
