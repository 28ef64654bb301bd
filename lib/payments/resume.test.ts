import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dbKind } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeStripe } from '@/scripts/test-support/fake-stripe';
import { address, contact, scalar } from '@/scripts/test-support/orders';

/**
 * 支付结果 / 继续支付 (lib/payments/resume.ts): the buyer back from Stripe before the webhook sees the
 * order paid (the session read again, applied once through the money model; the webhook that follows
 * finds it recorded); an open session is continued at its own URL; the simulator's link is its capability.
 */
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
const fake = await startFakeStripe('whsec_test_secret');
for (const [k, v] of Object.entries(fake.env)) vi.stubEnv(k, v);
vi.stubEnv('PAYMENT_SIMULATOR', '1');
const { startCheckout } = await import('./checkout');
const { checkPendingPayment, continuePayUrl } = await import('./resume');
const { paySimulated } = await import('./simulator');
const { POST: webhook } = await import('@/app/api/stripe/webhook/route');
useSeededDatabase();
afterAll(() => fake.close());

const place = (paymentMethod: 'stripe' | 'simulated') =>
  startCheckout({
    items: [{ slug: 'embroidered-brooch', quantity: 1 }],
    contact,
    shippingAddress: address,
    paymentMethod,
    invoice: null,
    userId: null,
  });

describe.skipIf(dbKind() === 'pglite')('resume with Stripe (PostgreSQL)', () => {
  it('continues an open session at its URL, and sees a completed one paid before its webhook, once', async () => {
    const o = await place('stripe');
    const sessionId = await scalar(sql`select external_ref from payment_sessions where order_id = ${o.orderId}`);
    expect(await checkPendingPayment(o.orderNo)).toBe('pending');
    expect(await continuePayUrl(o.orderNo)).toBe(`https://checkout.stripe.test/${sessionId}`);

    const completed = fake.complete(sessionId);
    const both = await Promise.all([checkPendingPayment(o.orderNo), checkPendingPayment(o.orderNo)]);
    expect(both).toEqual(['paid', 'paid']);
    expect(await continuePayUrl(o.orderNo)).toBeNull();
    // The webhook that follows finds the payment recorded.
    const r = await webhook(
      new Request('http://localhost/api/stripe/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': fake.signed(completed).header },
        body: JSON.stringify(completed),
      }),
    );
    expect(r.status).toBe(200);
    expect(await scalar(sql`select count(*) from payment_movements where order_id = ${o.orderId}`)).toBe('1');
    expect(await scalar(sql`select count(*) from sales_ledger where order_id = ${o.orderId}`)).toBe('1');
    expect(await scalar(sql`select paid_fen = total_fen from orders where id = ${o.orderId}`)).toBe('true');
  });
});

describe('resume with the simulator', () => {
  it('continues at the capability link while pending, and says paid after 确认支付', async () => {
    const o = await place('simulated');
    expect(await checkPendingPayment(o.orderNo)).toBe('pending');
    expect(await continuePayUrl(o.orderNo)).toMatch(new RegExp(`^/pay/simulated/${o.orderNo}\\?cap=\\d+\\.`));
    await paySimulated({ orderNo: o.orderNo });
    expect(await checkPendingPayment(o.orderNo)).toBe('paid');
    expect(await continuePayUrl(o.orderNo)).toBeNull();
    expect(await checkPendingPayment('GJ20000101-999999')).toBe('none');
  });
});
