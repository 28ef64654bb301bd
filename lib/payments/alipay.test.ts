import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind, getDb } from '@/db/client';
import { formatChinaSeconds } from '@/domain/time';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeAlipay } from '@/scripts/test-support/fake-alipay';
import { address, contact, scalar, setStock, stockOf } from '@/scripts/test-support/orders';

/**
 * Alipay direct against a local Alipay gateway (scripts/test-support/fake-alipay.ts) that holds its own
 * RSA2 keys, checks the store's request signatures and signs its answers and notifications as Alipay
 * documents, so that the SDK's own verification runs. The cases of Stripe's (webhook.test.ts): tampered
 * or unsigned notifications refused with nothing written, replays paid once, a refund notification
 * racing the refund call counted once, a payment after expiry kept as 待处理款项.
 */
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => null }));
const fake = await startFakeAlipay();
for (const [k, v] of Object.entries(fake.env)) vi.stubEnv(k, v);
vi.stubEnv('APP_URL', 'https://shop.example.cn');
vi.stubEnv('PAYMENT_SIMULATOR', '0');
const { startCheckout } = await import('./checkout');
const { refundOrderMoney } = await import('./refunds');
const { endOrder, expireOverdueAndClose } = await import('./sessions');
const { checkPendingPayment, continuePayUrl } = await import('./resume');
const { configuredProviders } = await import('./providers');
const { getAlipay, outRequestNoOf } = await import('./alipay');
const { POST: notify } = await import('@/app/api/pay/alipay/notify/route');
useSeededDatabase();
afterAll(() => fake.close());

const SLUG = 'manhao-bananas';

function deliver(form: Record<string, string> | string): Promise<Response> {
  return notify(
    new Request('http://localhost/api/pay/alipay/notify', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: typeof form === 'string' ? form : fake.body(form),
    }),
  );
}
const ok = async (form: Record<string, string>) => {
  const r = await deliver(form);
  expect(await r.text()).toBe('success');
  expect(r.status).toBe(200);
};

async function newOrder(quantity = 2, device: 'phone' | 'desktop' = 'phone') {
  const o = await startCheckout({
    items: [{ slug: SLUG, quantity }],
    contact,
    shippingAddress: address,
    paymentMethod: 'alipay',
    invoice: null,
    userId: null,
    device,
  });
  const outTradeNo = await scalar(sql`select external_ref from payment_sessions where order_id = ${o.orderId}`);
  await fake.openCashier(o.payUrl); // the buyer opens Alipay's cashier: the trade exists from then on
  return { ...o, outTradeNo };
}
const order = async (orderId: string) => ({
  status: await scalar(sql`select status from orders where id = ${orderId}`),
  paid: await scalar(sql`select paid_fen from orders where id = ${orderId}`),
  refunded: await scalar(sql`select refunded_fen from orders where id = ${orderId}`),
  movements: await scalar(sql`select count(*) from payment_movements where order_id = ${orderId}`),
  ledger: await scalar(sql`select count(*) from sales_ledger where order_id = ${orderId}`),
});
const written = async () => ({
  movements: await scalar(sql`select count(*) from payment_movements`),
  events: await scalar(sql`select count(*) from webhook_events`),
  orders: await scalar(sql`select string_agg(status::text, ',' order by id) from orders`),
});
const tradeNoOf = (orderId: string) =>
  scalar(sql`select external_ref from payment_movements where order_id = ${orderId} and kind = 'payment' limit 1`);

// Money and webhook tests run on real PostgreSQL only (skipped in the PGlite project; DATABASE_URL runs them).
describe.skipIf(dbKind() === 'pglite')('Alipay direct (PostgreSQL)', () => {
  beforeAll(async () => {
    await setStock(SLUG, 10_000);
  });

  it('is offered at checkout when configured; the simulator is not', () => {
    expect(configuredProviders()).toEqual(['alipay']);
  });

  it('POST /api/v1/orders takes 支付宝 (the phone cashier for a phone), and refuses a way to pay not configured', async () => {
    const { POST: orders } = await import('@/app/api/v1/orders/route');
    const place = (paymentMethod: string) =>
      orders(
        new Request('http://t/api/v1/orders', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148',
          },
          body: JSON.stringify({
            items: [{ slug: SLUG, quantity: 1 }],
            contact,
            shippingAddress: address,
            paymentMethod,
          }),
        }),
      );
    const r = await place('alipay');
    expect(r.status).toBe(201);
    const { payUrl } = (await r.json()) as { payUrl: string };
    expect(new URL(payUrl).searchParams.get('method')).toBe('alipay.trade.wap.pay');
    const before = await written();
    for (const [method, message] of [
      ['wechat', '微信支付暂未开通'],
      ['simulated', '演示支付未开启'],
      ['stripe', '在线支付暂未开通'],
      ['paypal', '订单信息有误'],
    ]) {
      const refused = await place(method!);
      expect(refused.status, method).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(message);
    }
    expect(await written()).toEqual(before);
  });

  it('opens wap.pay on a phone and page.pay on a desktop, signed, for the balance, expiring with the order', async () => {
    const phone = await newOrder(3, 'phone');
    const url = new URL(phone.payUrl);
    expect(`${url.origin}${url.pathname}`).toBe(fake.env.ALIPAY_GATEWAY);
    expect(url.searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(url.searchParams.get('sign_type')).toBe('RSA2');
    expect(url.searchParams.get('notify_url')).toBe('https://shop.example.cn/api/pay/alipay/notify');
    expect(url.searchParams.get('return_url')).toBe(`https://shop.example.cn/pay/result/${phone.orderNo}`);
    const biz = JSON.parse(url.searchParams.get('biz_content')!) as Record<string, string>;
    expect(biz).toMatchObject({
      out_trade_no: phone.orderNo.replace('-', '_'),
      total_amount: '117.00', // 3 × ¥39, free shipping from ¥99
      product_code: 'QUICK_WAP_WAY',
    });
    // The order's expiry to the second, dropping milliseconds: never later than the order.
    const orderExpires = new Date(await scalar(sql`select expires_at::text from orders where id = ${phone.orderId}`));
    expect(biz.time_expire).toBe(formatChinaSeconds(orderExpires));
    expect(fake.trades.get(phone.outTradeNo)).toMatchObject({ amountFen: 11700, status: 'WAIT_BUYER_PAY' });

    const desktop = await newOrder(1, 'desktop');
    const d = new URL(desktop.payUrl);
    expect(d.searchParams.get('method')).toBe('alipay.trade.page.pay');
    expect(JSON.parse(d.searchParams.get('biz_content')!)).toMatchObject({
      product_code: 'FAST_INSTANT_TRADE_PAY',
      total_amount: '47.00', // ¥39 + ¥8 shipping
    });
    // A link whose amount was changed no longer verifies at the gateway.
    const forged = new URL(desktop.payUrl);
    forged.searchParams.set('biz_content', JSON.stringify({ ...biz, total_amount: '0.01' }));
    expect(await fake.openCashier(forged.toString())).toContain('验签出错');
  });

  it('refuses a tampered, re-signed, unsigned or foreign-app notification: 400 fail, nothing written', async () => {
    const o = await newOrder();
    const form = fake.pay(o.outTradeNo);
    const before = await written();
    const attempts: (Record<string, string> | string)[] = [
      { ...form, total_amount: '0.01' }, // amount changed after signing
      { ...form, trade_status: 'TRADE_SUCCESS', out_trade_no: 'GJ20260101_000001' },
      Object.fromEntries(Object.entries(form).filter(([k]) => k !== 'sign')), // unsigned
      { ...form, sign: '' },
      { ...form, sign: 'AAAA' },
      fake.signWithOtherKey(form), // signed, but not by Alipay's key
      fake.signed({ ...form, app_id: '2021999999999999' }), // Alipay's key, another merchant's app
      `${fake.body(form)}&total_amount=9999.00`, // a second value for a signed field
      '',
      'not a form at all %%%',
      '{"trade_status":"TRADE_SUCCESS"}',
    ];
    for (const a of attempts) {
      const r = await deliver(a);
      expect(r.status).toBe(400);
      expect(await r.text()).toBe('fail');
    }
    expect(await written()).toEqual(before);
    expect((await order(o.orderId)).status).toBe('pending_payment');
    await ok(form); // the genuine one still pays it
    expect(await order(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen) });
  });

  it('the same notification 10× in a row and 10× at once: paid once, ledger written once', async () => {
    const a = await newOrder();
    const fa = fake.pay(a.outTradeNo);
    for (let i = 0; i < 10; i++) await ok(fa);
    expect(await order(a.orderId)).toMatchObject({ status: 'paid', movements: '1', ledger: '1' });

    const b = await newOrder();
    const fb = fake.pay(b.outTradeNo);
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(fb)));
    expect(await Promise.all(results.map((r) => r.text()))).toEqual(Array(10).fill('success'));
    expect(await order(b.orderId)).toMatchObject({ status: 'paid', paid: String(b.totalFen), movements: '1' });
    // TRADE_FINISHED later (a new notify_id) for the same trade: the same money, not counted again.
    await ok(fake.signed({ ...fb, notify_id: `finished-${b.orderNo}`, trade_status: 'TRADE_FINISHED' }));
    expect(await order(b.orderId)).toMatchObject({ paid: String(b.totalFen), movements: '1', ledger: '1' });
  });

  it('a refund notification racing the refund call, either first, replayed: counted once', async () => {
    const actorId = await scalar(sql`select id from users where email = 'admin@example.com'`);
    for (const noticeFirst of [false, true]) {
      const o = await newOrder(2); // ¥78 + ¥8 shipping
      await ok(fake.pay(o.outTradeNo));
      const tradeNo = await tradeNoOf(o.orderId);
      const requestId = randomUUID();
      const sourceId = await scalar(sql`select id from payment_movements where external_ref = ${tradeNo}`);
      const outRequestNo = outRequestNoOf(`refund:${requestId}:${sourceId}`);
      if (noticeFirst) {
        // The office's call reaches Alipay but its answer is lost; Alipay's notification arrives first,
        // then the office submits the same form again (the same out_request_no: Alipay refunds once).
        const r = await getAlipay()!.exec(
          'alipay.trade.refund',
          { bizContent: { trade_no: tradeNo, refund_amount: '30.00', out_request_no: outRequestNo } },
          { validateSign: true },
        );
        expect(r.code).toBe('10000');
        const n = fake.refundNotice(tradeNo, outRequestNo);
        await Promise.all([ok(n), ok(n)]);
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId });
      } else {
        await refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId });
        const n = fake.refundNotice(tradeNo, outRequestNo);
        await Promise.all([ok(n), refundOrderMoney({ orderNo: o.orderNo, amountFen: 3000n, requestId, actorId })]);
        await ok(n);
      }
      expect(fake.refundsOf(tradeNo).map((r) => r.amountFen)).toEqual([3000]); // one refund at Alipay …
      expect(await order(o.orderId)).toMatchObject({ refunded: '3000', status: 'partially_refunded' }); // … counted once
      expect(
        await scalar(sql`select count(*) from sales_ledger where order_id = ${o.orderId} and kind = 'refund'`),
      ).toBe('1');
    }
  });

  it('an answer of the gateway whose signature does not verify is not believed', async () => {
    const actorId = await scalar(sql`select id from users where email = 'admin@example.com'`);
    const o = await newOrder(2);
    const n = fake.pay(o.outTradeNo);
    fake.options.tamperAnswers = true;
    try {
      // trade.query says "paid" with a changed amount: 支付结果 keeps the order as it is.
      expect(await checkPendingPayment(o.orderNo)).toBe('pending');
      await ok(n);
      const requestId = randomUUID();
      await expect(refundOrderMoney({ orderNo: o.orderNo, amountFen: 1000n, requestId, actorId })).rejects.toThrow(
        /验签失败/,
      );
      expect(await order(o.orderId)).toMatchObject({ status: 'paid', refunded: '0' });
    } finally {
      fake.options.tamperAnswers = false;
    }
  });

  it('a refund made in Alipay’s back office counts once; before its payment is recorded it is retried', async () => {
    const o = await newOrder(2);
    const paid = fake.pay(o.outTradeNo);
    const refund = fake.dashboardRefund(paid.trade_no!, Number(o.totalFen));
    const early = await deliver(refund);
    expect(early.status).toBe(409); // Alipay delivers it again later
    expect(await early.text()).toBe('fail');
    await ok(paid);
    await ok(refund);
    await ok(refund);
    expect(await order(o.orderId)).toMatchObject({ status: 'refunded', refunded: String(o.totalFen) });
    expect(await scalar(sql`select coalesce(sum(amount_fen), 0) from sales_ledger where order_id = ${o.orderId}`)).toBe(
      '0',
    );
  });

  it('expiry closes the Alipay trade; a payment after expiry goes to 待处理款项, the stock stays released', async () => {
    const o = await newOrder(4);
    // The buyer pays at the cashier just before the sweep expires the order.
    const late = fake.pay(o.outTradeNo);
    const other = await newOrder(1); // not paid: its trade is closed at Alipay by the sweep
    const stockAfterOrders = await stockOf(SLUG);
    await getDb().execute(
      sql`update orders set expires_at = now() - interval '1 minute' where id in (${o.orderId}, ${other.orderId})`,
    );
    const expired = await expireOverdueAndClose();
    expect(expired).toEqual(expect.arrayContaining([o.orderId, other.orderId]));
    expect(fake.trades.get(other.outTradeNo)!.status).toBe('TRADE_CLOSED');
    expect(
      fake.requests.some((r) => r.method === 'alipay.trade.close' && r.biz.out_trade_no === other.outTradeNo),
    ).toBe(true);
    expect(await stockOf(SLUG)).toBe(stockAfterOrders + 5);
    await ok(late);
    await ok(late);
    expect(await order(o.orderId)).toMatchObject({ status: 'expired', paid: '0', ledger: '0' });
    expect(
      await scalar(
        sql`select string_agg(unmatched_reason, ',') from payment_movements where order_id = ${o.orderId} and state = 'unmatched'`,
      ),
    ).toBe('order_closed');
    // Closing a trade the buyer never opened is not an error (it cannot be paid after its time_expire).
    const never = await startCheckout({
      items: [{ slug: SLUG, quantity: 1 }],
      contact,
      shippingAddress: address,
      paymentMethod: 'alipay',
      invoice: null,
      userId: null,
    });
    expect(await endOrder({ orderId: never.orderId, to: 'cancelled', reason: '测试' })).toBe('applied');
    expect(await scalar(sql`select status from payment_sessions where order_id = ${never.orderId}`)).toBe('closed');
  });

  it('a notification for an out_trade_no that is not ours is acknowledged and kept in 待处理款项', async () => {
    for (const outTradeNo of ['OTHER_123', 'GJ20200101_999999']) {
      const n = fake.foreignPayment({ outTradeNo, amountFen: 5300 });
      await ok(n);
      await ok(n);
      expect(
        await scalar(
          sql`select given_order_ref || ':' || unmatched_reason || ':' || amount_fen from payment_movements where external_ref = ${n.trade_no!}`,
        ),
      ).toBe(`${outTradeNo}:unknown_order:5300`);
    }
  });

  it('支付结果 asks Alipay (trade.query) when the notification has not arrived, once; 继续支付 reopens the cashier', async () => {
    const o = await newOrder();
    expect(await checkPendingPayment(o.orderNo)).toBe('pending');
    const again = await continuePayUrl(o.orderNo);
    expect(new URL(again!).searchParams.get('method')).toBe('alipay.trade.wap.pay');
    expect(JSON.parse(new URL(again!).searchParams.get('biz_content')!)).toMatchObject({
      out_trade_no: o.outTradeNo,
      total_amount: '86.00',
    });
    const n = fake.pay(o.outTradeNo); // paid; the notification is on its way
    expect(await checkPendingPayment(o.orderNo)).toBe('paid');
    expect(await checkPendingPayment(o.orderNo)).toBe('paid');
    await ok(n); // it arrives: the payment is already recorded under the same trade_no
    expect(await order(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen), movements: '1' });
    expect(await continuePayUrl(o.orderNo)).toBeNull();
  });

  it('a notification of a closed trade expires its unpaid order and releases its stock once', async () => {
    const o = await newOrder(5);
    const after = await stockOf(SLUG);
    const closed = fake.closeNotice(o.outTradeNo);
    await Promise.all(Array.from({ length: 5 }, () => ok(closed)));
    expect((await order(o.orderId)).status).toBe('expired');
    expect(await stockOf(SLUG)).toBe(after + 5);
  });
});
