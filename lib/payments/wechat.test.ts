import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind, getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeWechatPay, type Delivery } from '@/scripts/test-support/fake-wechatpay';
import { address, contact, scalar, setStock, stockOf } from '@/scripts/test-support/orders';

/**
 * WeChat Pay APIv3 (Native and H5) and its notify route against a local gateway that signs answers and
 * notifications with its own platform key and encrypts resources with the APIv3 key, so that the SDK's
 * own signing, verification and decryption run. The same cases as Stripe's (webhook.test.ts).
 */
const fake = await startFakeWechatPay();
for (const [k, v] of Object.entries(fake.env)) vi.stubEnv(k, v);
vi.stubEnv('PAYMENT_SIMULATOR', '0');
const { startCheckout } = await import('./checkout');
const { refundOrderMoney } = await import('./refunds');
const { endOrder, expireOverdueAndClose } = await import('./sessions');
const { checkPendingPayment } = await import('./resume');
const { POST: notify } = await import('@/app/api/pay/wechat/notify/route');
useSeededDatabase();
afterAll(() => fake.close());

const deliver = (d: Delivery, headers: Record<string, string | null> = {}, body = d.body) => {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...d.headers, ...headers })) if (v !== null) h[k] = v;
  return notify(new Request('http://localhost/api/pay/wechat/notify', { method: 'POST', headers: h, body }));
};
const ok = async (d: Delivery) => {
  const r = await deliver(d);
  expect(r.status, await r.clone().text()).toBe(204);
};

async function newOrder(quantity = 2, client?: { phone: boolean; ip: string | null }) {
  const device = client ? (client.phone ? 'phone' : 'desktop') : undefined;
  return startCheckout({
    items: [{ slug: 'manhao-bananas', quantity }],
    contact,
    shippingAddress: address,
    paymentMethod: 'wechat',
    invoice: null,
    userId: null,
    device,
    clientAddress: client?.ip ?? null,
  });
}
const order = async (orderId: string) => ({
  status: await scalar(sql`select status from orders where id = ${orderId}`),
  paid: await scalar(sql`select paid_fen from orders where id = ${orderId}`),
  refunded: await scalar(sql`select refunded_fen from orders where id = ${orderId}`),
  movements: await scalar(sql`select count(*) from payment_movements where order_id = ${orderId}`),
  ledger: await scalar(sql`select count(*) from sales_ledger where order_id = ${orderId}`),
});
const events = () => scalar(sql`select count(*) from webhook_events`);
const movements = () => scalar(sql`select count(*) from payment_movements`);

// Money and webhook tests run on real PostgreSQL only (skipped in the PGlite project; DATABASE_URL runs them).
describe.skipIf(dbKind() === 'pglite')('WeChat Pay APIv3 and its notify route (PostgreSQL)', () => {
  beforeAll(async () => {
    await setStock('manhao-bananas', 10_000);
  });

  it('opens a Native trade for the balance in fen, expiring with the order, out_trade_no the order number', async () => {
    const before = fake.requests.length;
    const o = await newOrder(3);
    const req = fake.requests[before]!;
    expect(req).toMatchObject({ method: 'POST', path: '/v3/pay/transactions/native', authorized: true });
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      out_trade_no: o.orderNo,
      attach: o.orderId,
      amount: { total: Number(o.totalFen), currency: 'CNY' },
      notify_url: 'http://localhost:3000/api/pay/wechat/notify',
    });
    const expire = Date.parse(String(body.time_expire));
    expect(String(body.time_expire)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(expire).toBeLessThanOrEqual(o.expiresAt.getTime());
    expect(o.payUrl).toMatch(new RegExp(`^/pay/wechat/${o.orderNo}\\?cap=`));
    expect(await scalar(sql`select external_ref from payment_sessions where order_id = ${o.orderId}`)).toBe(o.orderNo);
  });

  it('on a phone opens an H5 trade and sends the buyer to its h5_url, back to 支付结果', async () => {
    const o = await newOrder(1, { phone: true, ip: '203.0.113.9' });
    const req = fake.requests.at(-1)!;
    expect(req.path).toBe('/v3/pay/transactions/h5');
    expect(JSON.parse(req.body)).toMatchObject({
      scene_info: { payer_client_ip: '203.0.113.9', h5_info: { type: 'Wap' } },
    });
    expect(o.payUrl.startsWith(`${fake.baseUrl}/h5pay?`)).toBe(true);
    expect(decodeURIComponent(o.payUrl)).toContain(`redirect_url=http://localhost:3000/pay/result/${o.orderNo}?cap=`);
  });

  it('a gateway answer not signed by the platform key is refused: the order is cancelled, its stock back', async () => {
    fake.options.answerKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const stock = await stockOf('manhao-bananas');
    try {
      await expect(newOrder(2)).rejects.toThrow(/RESPONSE_SIGNATURE_INVALID/);
    } finally {
      delete fake.options.answerKey;
    }
    expect(await stockOf('manhao-bananas')).toBe(stock);
  });

  it('refuses a tampered, unsigned, stale, foreign-serial or foreign-key notification and writes nothing', async () => {
    const o = await newOrder();
    const d = fake.pay(o.orderNo);
    const before = { o: await order(o.orderId), events: await events(), movements: await movements() };
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const envelope = JSON.parse(d.body) as { resource: { ciphertext: string } };
    const flipped = {
      ...envelope,
      resource: { ...envelope.resource, ciphertext: `A${envelope.resource.ciphertext.slice(1)}` },
    };
    const resigned = JSON.stringify(flipped);
    const attempts: Response[] = [
      await deliver(d, {}, d.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCEED')), // a changed byte
      await deliver(d, { 'Wechatpay-Signature': null }), // unsigned
      await deliver(d, { 'Wechatpay-Signature': `WECHATPAY/SIGNTEST/${d.headers['Wechatpay-Signature']}` }), // WeChat's probe
      await deliver(d, { 'Wechatpay-Serial': '5157F09EFDC096DE15EBE81A47057A7232F1B8E1' }), // another serial
      await deliver({ body: d.body, headers: { ...d.headers, ...fake.sign(d.body, { key: other.toString() }) } }),
      await deliver({
        body: d.body,
        headers: { ...d.headers, ...fake.sign(d.body, { timestamp: Date.now() / 1000 - 301 }) },
      }),
      // Signed by the platform but the ciphertext changed: the GCM tag fails.
      await deliver({ body: resigned, headers: { ...d.headers, ...fake.sign(resigned) } }),
      await deliver(d, {}, ''),
      await deliver(d, {}, 'x'.repeat(70_000)),
    ];
    for (const r of attempts) {
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(await r.json()).toMatchObject({ code: 'FAIL' });
    }
    expect({ o: await order(o.orderId), events: await events(), movements: await movements() }).toEqual(before);
    await ok(d); // the genuine one still pays it
    expect(await order(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen), movements: '1' });
  });

  it('the same notification 10× in a row and 10× at once: paid once, ledger written once', async () => {
    const a = await newOrder();
    const da = fake.pay(a.orderNo);
    for (let i = 0; i < 10; i++) await ok(da);
    expect(await order(a.orderId)).toMatchObject({ status: 'paid', movements: '1', ledger: '1' });
    const b = await newOrder();
    const db = fake.pay(b.orderNo);
    const all = await Promise.all(Array.from({ length: 10 }, () => deliver(db)));
    expect(all.map((r) => r.status)).toEqual(Array(10).fill(204));
    // WeChat Pay sends the same payment again under another notification id: still once.
    await ok(fake.pay(b.orderNo));
    expect(await order(b.orderId)).toMatchObject({
      status: 'paid',
      paid: String(b.totalFen),
      movements: '1',
      ledger: '1',
    });
  });

  it('支付结果 reads a paid trade (query) before its notification; the notification then counts nothing', async () => {
    const o = await newOrder();
    const d = fake.pay(o.orderNo); // paid at the gateway, not yet delivered
    expect(await checkPendingPayment(o.orderNo)).toBe('paid');
    await ok(d);
    expect(await order(o.orderId)).toMatchObject({ status: 'paid', movements: '1', ledger: '1' });
  });

  it('a refund notification racing the refund call is counted once, whichever lands first', async () => {
    const actorId = await scalar(sql`select id from users where email = 'admin@example.com'`);
    for (const notificationFirst of [true, false]) {
      const o = await newOrder(2);
      await ok(fake.pay(o.orderNo));
      const tx = fake.trades.get(o.orderNo)!.transactionId!;
      const requestId = randomUUID();
      // The gateway posts the refund's notification (twice, at once) before it answers the office's call.
      if (notificationFirst)
        fake.options.onRefund = async () => {
          await Promise.all([ok(fake.refundNotice(tx)), ok(fake.refundNotice(tx))]);
        };
      try {
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId });
      } finally {
        delete fake.options.onRefund;
      }
      await Promise.all([ok(fake.refundNotice(tx)), ok(fake.refundNotice(tx))]);
      await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId }); // the office retries
      expect(fake.refundsOf(tx).map((r) => r.amount)).toEqual([3000]);
      expect(await order(o.orderId)).toMatchObject({ refunded: '3000', status: 'partially_refunded' });
      expect(
        await scalar(sql`select count(*) from payment_movements where order_id = ${o.orderId} and kind = 'refund'`),
      ).toBe('1');
    }
  });

  it('a refund notification before its payment is recorded answers 409 (retried), then counts once', async () => {
    const o = await newOrder();
    const paid = fake.pay(o.orderNo);
    const tx = fake.trades.get(o.orderNo)!.transactionId!;
    const refunded = fake.refundNotice(tx, { amount: Number(o.totalFen) });
    const early = await deliver(refunded);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'FAIL' });
    await ok(paid);
    await ok(refunded);
    await ok(refunded);
    expect(await order(o.orderId)).toMatchObject({ status: 'refunded', refunded: String(o.totalFen) });
  });

  it('cancelling closes the trade; a payment after expiry or cancellation goes to 待处理款项', async () => {
    const c = await newOrder(1);
    const late = fake.pay(c.orderNo); // paid just before the office cancelled
    expect(await endOrder({ orderId: c.orderId, to: 'cancelled', reason: '测试' })).toBe('applied');
    await ok(late);
    expect(await order(c.orderId)).toMatchObject({ status: 'cancelled', paid: '0', ledger: '0' });

    const e = await newOrder(1);
    await getDb().execute(sql`update orders set expires_at = now() - interval '1 minute' where id = ${e.orderId}`);
    expect(await expireOverdueAndClose()).toContain(e.orderId);
    expect(fake.trades.get(e.orderNo)!.state).toBe('CLOSED');
    expect(fake.requests.some((r) => r.path === `/v3/pay/transactions/out-trade-no/${e.orderNo}/close`)).toBe(true);
    // WeChat Pay does not take money for a closed trade; one paid in the same second still reports.
    fake.trades.get(e.orderNo)!.state = 'NOTPAY';
    await ok(fake.pay(e.orderNo));
    expect(await order(e.orderId)).toMatchObject({ status: 'expired', paid: '0', ledger: '0' });
    expect(
      await scalar(
        sql`select string_agg(unmatched_reason, ',') from payment_movements where order_id in (${c.orderId}, ${e.orderId}) and state = 'unmatched'`,
      ),
    ).toBe('order_closed,order_closed');
  });
});
