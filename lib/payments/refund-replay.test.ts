import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeStripe } from '@/scripts/test-support/fake-stripe';
import { address, contact } from '@/scripts/test-support/orders';

/**
 * An office refund is one request whatever happens (lib/payments/refunds.ts), against a local Stripe
 * that keeps the truth of what it charged and refunded: a replay (a double click, the same requestId)
 * refunds once even when the first call used up the payment it was split onto, and a refund Stripe
 * refuses (its dashboard refunded first, the notification still on its way) is refused to the office
 * with nothing recorded. After each, the store's refunds of each payment are Stripe's.
 */
const fake = await startFakeStripe('whsec_refund_replay');
for (const [k, v] of Object.entries(fake.env)) vi.stubEnv(k, v);
useSeededDatabase();
afterAll(() => fake.close());

const { startCheckout } = await import('./checkout');
const { refundOrderMoney } = await import('./refunds');
const { applyUnmatched } = await import('./unmatched');
const { POST: webhook } = await import('@/app/api/stripe/webhook/route');
const { AppError } = await import('@/lib/errors');

const ids = { admin: '', slug: '' };
const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(q));

beforeAll(async () => {
  ids.admin = (await rows<{ id: string }>(sql`select id from users where email = 'admin@example.com'`))[0]!.id;
  ids.slug = (
    await rows<{ slug: string }>(sql`select slug from products where status = 'listed' order by id limit 1`)
  )[0]!.slug;
  await getDb().execute(sql`update products set stock = 1000000 where slug = ${ids.slug}`);
});

async function deliver(e: object): Promise<void> {
  const { payload, header } = fake.signed(e);
  const r = await webhook(
    new Request('http://localhost/api/stripe/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    }),
  );
  expect(r.status, await r.clone().text()).toBe(200);
}

const placeStripeOrder = () =>
  startCheckout({
    items: [{ slug: ids.slug, quantity: 2 }],
    contact,
    shippingAddress: address,
    paymentMethod: 'stripe',
    userId: null,
    invoice: null,
  });

const figures = async (orderId: string) => {
  const [o] = await rows<{ paid: string; refunded: string }>(
    sql`select paid_fen::text as paid, refunded_fen::text as refunded from orders where id = ${orderId}`,
  );
  return { paid: BigInt(o!.paid), refunded: BigInt(o!.refunded) };
};

/** Each of the order's Stripe payments: what the store recorded refunded out of it, and what Stripe did. */
async function storeAndStripe(orderId: string) {
  const payments = await rows<{ pi: string; refunded: string }>(sql`
    select m.external_ref as pi, coalesce((select sum(r.amount_fen) from payment_movements r where r.source_id = m.id), 0)::text as refunded
    from payment_movements m where m.order_id = ${orderId} and m.kind = 'payment' and m.provider = 'stripe' order by m.created_at`);
  return payments.map((p) => ({
    pi: p.pi,
    store: BigInt(p.refunded),
    stripe: BigInt(fake.refundsOf(p.pi).reduce((s, r) => s + r.amount, 0)),
  }));
}

describe('an office refund is one request', () => {
  it('a replay with the same requestId refunds once, though the first call used up the newest payment', async () => {
    const o = await placeStripeOrder();
    // Two Stripe payments naming the order, neither its balance (待处理款项), both applied by the
    // office: the order is paid by two sources, the newer one holding 100 fen.
    const [first, second] = [o.totalFen - 100n, 100n].map((amount) =>
      fake.foreignPayment({ orderRef: o.orderId, amount: Number(amount), currency: 'cny' }),
    );
    for (const e of [first!, second!]) await deliver(e);
    const received = await rows<{ id: string }>(
      sql`select id from payment_movements where order_id = ${o.orderId} and state = 'unmatched' order by created_at`,
    );
    expect(received).toHaveLength(2);
    for (const m of received) await applyUnmatched({ movementId: m.id, actorId: ids.admin });
    expect(await figures(o.orderId)).toEqual({ paid: o.totalFen, refunded: 0n });

    // The office refunds exactly what the newer payment holds, and the form is submitted twice.
    const request = { orderNo: o.orderNo, amountFen: 100n, requestId: randomUUID(), actorId: ids.admin };
    await refundOrderMoney(request);
    await refundOrderMoney(request);
    expect(await figures(o.orderId)).toEqual({ paid: o.totalFen, refunded: 100n });
    const split = await storeAndStripe(o.orderId);
    expect(split.map((p) => [p.store, p.stripe])).toEqual([
      [0n, 0n],
      [100n, 100n],
    ]);
    // Stripe's charge.refunded for each payment, late, changes nothing.
    for (const p of split) await deliver(fake.chargeRefunded(p.pi));
    expect(await figures(o.orderId)).toEqual({ paid: o.totalFen, refunded: 100n });
    expect(await storeAndStripe(o.orderId)).toEqual(split);
  });

  it('a refund Stripe refuses (its dashboard refunded first) is refused, recorded nowhere, and may be asked again', async () => {
    const o = await placeStripeOrder();
    const [s] = await rows<{ r: string }>(
      sql`select external_ref as r from payment_sessions where order_id = ${o.orderId}`,
    );
    await deliver(fake.complete(s!.r));
    const pi = (await storeAndStripe(o.orderId))[0]!.pi;
    // Refunded in Stripe's dashboard but for 50 fen; its charge.refunded has not arrived yet.
    const late = fake.dashboardRefund(pi, Number(o.totalFen) - 50);
    const request = { orderNo: o.orderNo, amountFen: 100n, requestId: randomUUID(), actorId: ids.admin };
    const refused = await refundOrderMoney(request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as InstanceType<typeof AppError>).message).toMatch(/可退金额不足/);
    expect(await figures(o.orderId)).toEqual({ paid: o.totalFen, refunded: 0n });

    await deliver(late);
    expect(await storeAndStripe(o.orderId)).toEqual([{ pi, store: o.totalFen - 50n, stripe: o.totalFen - 50n }]);
    // The refused request refunded nothing: the office may submit it again for what is left.
    await refundOrderMoney({ ...request, amountFen: 50n });
    await refundOrderMoney({ ...request, amountFen: 50n });
    expect(await figures(o.orderId)).toEqual({ paid: o.totalFen, refunded: o.totalFen });
    expect(await storeAndStripe(o.orderId)).toEqual([{ pi, store: o.totalFen, stripe: o.totalFen }]);
  });
});
