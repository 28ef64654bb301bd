import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { POST as alipayNotify } from '@/app/api/pay/alipay/notify/route';
import { POST as wechatNotify } from '@/app/api/pay/wechat/notify/route';
import { POST as webhook } from '@/app/api/stripe/webhook/route';
import { getDb, rowsOf } from '@/db/client';
import { listUnmatched } from '@/db/queries/payments';
import { listTransfersAwaiting } from '@/db/queries/unit-orders';
import { one } from './database';
import type { startFakeAlipay } from './fake-alipay';
import type { startFakeStripe } from './fake-stripe';
import type { Delivery, startFakeWechatPay } from './fake-wechatpay';

/**
 * The world of the money property test (lib/payments/reconciliation.test.ts): a local gateway per online
 * provider that keeps the truth of what it moved, and the invariants every run must leave true. Import it
 * after the providers' environment is set (the routes read it).
 */
export type Fakes = {
  stripe: Awaited<ReturnType<typeof startFakeStripe>>;
  alipay: Awaited<ReturnType<typeof startFakeAlipay>>;
  wechat: Awaited<ReturnType<typeof startFakeWechatPay>>;
};

export type Placed = { orderId: string; orderNo: string; totalFen: bigint; via: Via; sessionId: string | null };

/**
 * A payment provider with a local gateway that keeps the truth of what it moved: the property runs
 * over every one in GATEWAYS. Each says how the buyer pays an open
 * payment, how money arrives that the store did not ask for (another currency or amount), what it
 * sends after refunds, and how a notification is delivered to the store's route (its HTTP status).
 */
export type Note = { via: Online; payload: object };
export type Gateway = {
  via: Online;
  /** The buyer opens the cashier at the order's pay URL (the trade exists from then on at some providers). */
  opened(o: { orderId: string; payUrl: string }): Promise<string>;
  /** The buyer pays the open payment: its notification, or null when it can no longer be paid. */
  pay(o: Placed): object | null;
  /** Money naming the order that the store did not ask for: null when the provider cannot carry it. */
  foreign(o: Placed, p: { amount: number; currency: string }): object | null;
  /** What the provider sends after refunds of these payments (its references in the store). */
  refundNotes(paymentRefs: string[]): object[];
  /** A refund made in the provider's back office of the order's payment: its notification. */
  backOfficeRefund(o: Placed, pct: number): object | null;
  deliver(payload: object): Promise<Response>;
  /** What the provider charged and refunded, per currency. */
  totals(): { charged: Map<string, number>; refunded: Map<string, number> };
};
const sessionOf = async (orderId: string) =>
  (await one<{ r: string }>(sql`select external_ref as r from payment_sessions where order_id = ${orderId}`)).r;
/** The gateways of the run, over these local providers. */
export function makeGateways({ stripe: fake, alipay: fakeAlipay, wechat: fakeWechat }: Fakes) {
  return [
    {
      via: 'stripe',
      opened: ({ orderId }) => sessionOf(orderId),
      pay: (o) => (fake.sessions.get(o.sessionId!)?.status === 'open' ? fake.complete(o.sessionId!) : null),
      foreign: (o, p) => fake.foreignPayment({ orderRef: o.orderId, ...p }),
      refundNotes: (pis) => pis.map((pi) => fake.chargeRefunded(pi)),
      backOfficeRefund(o, pct) {
        const s = fake.sessions.get(o.sessionId!)!;
        if (!s.pi) return null;
        const left = s.amount - fake.refundsOf(s.pi).reduce((t, r) => t + r.amount, 0);
        return left > 0 ? fake.dashboardRefund(s.pi, Math.max(1, Math.floor((left * pct) / 100))) : null;
      },
      deliver(e) {
        const { payload, header } = fake.signed(e);
        return webhook(
          new Request('http://localhost/api/stripe/webhook', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': header },
            body: payload,
          }),
        );
      },
      totals: () => fake.totals(),
    },
    {
      via: 'alipay',
      async opened({ orderId, payUrl }) {
        await fakeAlipay.openCashier(payUrl);
        return sessionOf(orderId);
      },
      pay: (o) =>
        fakeAlipay.trades.get(o.sessionId!)?.status === 'WAIT_BUYER_PAY' ? fakeAlipay.pay(o.sessionId!) : null,
      // Alipay carries CNY only: another amount under the order's out_trade_no.
      foreign: (o, p) =>
        p.currency === 'cny' ? fakeAlipay.foreignPayment({ outTradeNo: o.sessionId!, amountFen: p.amount }) : null,
      refundNotes: (tradeNos) =>
        tradeNos.flatMap((t) => fakeAlipay.refundsOf(t).map((r) => fakeAlipay.refundNotice(t, r.outRequestNo))),
      backOfficeRefund(o, pct) {
        const t = fakeAlipay.trades.get(o.sessionId!);
        if (!t?.paid) return null;
        const left = t.amountFen - fakeAlipay.refundsOf(t.tradeNo).reduce((s, r) => s + r.amountFen, 0);
        return left > 0 ? fakeAlipay.dashboardRefund(t.tradeNo, Math.max(1, Math.floor((left * pct) / 100))) : null;
      },
      deliver: (form) =>
        alipayNotify(
          new Request('http://localhost/api/pay/alipay/notify', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: fakeAlipay.body(form as Record<string, string>),
          }),
        ),
      totals() {
        const t = fakeAlipay.totals();
        return { charged: new Map([['cny', t.charged]]), refunded: new Map([['cny', t.refunded]]) };
      },
    },
    {
      via: 'wechat',
      // The Native trade (out_trade_no: the order number) is opened at checkout.
      opened: ({ orderId }) => sessionOf(orderId),
      pay: (o) => (fakeWechat.trades.get(o.sessionId!)?.state === 'NOTPAY' ? fakeWechat.pay(o.sessionId!) : null),
      // WeChat Pay carries CNY only, and a trade is paid once: the order's trade paid with another amount.
      foreign: (o, p) =>
        p.currency === 'cny' && fakeWechat.trades.get(o.sessionId!)?.state === 'NOTPAY'
          ? fakeWechat.pay(o.sessionId!, { amount: p.amount })
          : null,
      refundNotes: (transactionIds) => transactionIds.flatMap((t) => fakeWechat.refundNotices(t)),
      backOfficeRefund(o, pct) {
        const t = fakeWechat.trades.get(o.sessionId!);
        if (!t?.transactionId) return null;
        const left = t.total - fakeWechat.refundsOf(t.transactionId).reduce((s, r) => s + r.amount, 0);
        return left > 0
          ? fakeWechat.refundNotice(t.transactionId, { amount: Math.max(1, Math.floor((left * pct) / 100)) })
          : null;
      },
      // Its notify route answers 204 once the effect is committed: the 200 of the others.
      async deliver(d) {
        const { headers, body } = d as Delivery;
        const r = await wechatNotify(
          new Request('http://localhost/api/pay/wechat/notify', { method: 'POST', headers, body }),
        );
        return r.status === 204 ? new Response(null, { status: 200 }) : r;
      },
      totals() {
        const t = fakeWechat.totals();
        return { charged: new Map([['cny', t.charged]]), refunded: new Map([['cny', t.refunded]]) };
      },
    },
  ] as const satisfies readonly Gateway[];
}
export type Online = 'stripe' | 'alipay' | 'wechat';
export type Via = Online | 'sim' | 'unit';

const sumBy = (rows: { c: string; s: string }[]) => new Map(rows.map((r) => [r.c, BigInt(r.s)]));
const get = (m: Map<string, bigint | number>, c: string) => BigInt(m.get(c) ?? 0);

/**
 * Every yuan accounted for: the money model against itself, the orders, 待处理款项, each provider's truth and
 * the bank transfers made (`transfersFen`).
 */
export async function moneyInvariants(gateways: readonly Gateway[], transfersFen: bigint): Promise<void> {
  const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(q));
  // Every order's paid and refunded figures equal its movement rows.
  expect(
    await rows(sql`
      select o.order_no from orders o
      where o.paid_fen <> coalesce((select sum(amount_fen) from payment_movements m where m.order_id = o.id and m.kind <> 'refund' and m.state = 'applied'), 0)
         or o.refunded_fen <> coalesce((select sum(amount_fen) from payment_movements m where m.order_id = o.id and m.kind = 'refund' and m.state = 'applied'), 0)`),
  ).toEqual([]);
  // No order is cancelled or expired holding money; none holds more than its total; none that holds
  // its whole total is left unpaid.
  expect(
    await rows(
      sql`select order_no, status from orders where status in ('cancelled', 'expired') and paid_fen <> refunded_fen`,
    ),
  ).toEqual([]);
  expect(await rows(sql`select order_no from orders where paid_fen - refunded_fen > total_fen`)).toEqual([]);
  expect(
    await rows(
      sql`select order_no from orders where paid_at is null and paid_fen - refunded_fen = total_fen and total_fen > 0`,
    ),
  ).toEqual([]);
  // Nothing is refunded out of a payment beyond the payment.
  expect(
    await rows(sql`select m.id from payment_movements m where m.kind <> 'refund'
      and m.amount_fen < (select coalesce(sum(r.amount_fen), 0) from payment_movements r where r.source_id = m.id)`),
  ).toEqual([]);

  // Money received = applied to orders + 待处理款项 (as the office's page lists it) + refunded, per currency.
  const received = sumBy(
    await rows(
      sql`select currency as c, sum(amount_fen)::text as s from payment_movements where kind <> 'refund' group by currency`,
    ),
  );
  const refunded = sumBy(
    await rows(
      sql`select currency as c, sum(amount_fen)::text as s from payment_movements where kind = 'refund' group by currency`,
    ),
  );
  const applied = BigInt(
    (await one<{ s: string }>(sql`select coalesce(sum(paid_fen - refunded_fen), 0)::text as s from orders`)).s,
  );
  const pool = new Map<string, bigint>();
  for (const u of await listUnmatched({ limit: 100_000 })) pool.set(u.currency, get(pool, u.currency) + u.remainingFen);
  for (const c of new Set([...received.keys(), ...refunded.keys(), 'cny']))
    expect({ c, received: get(received, c) }).toEqual({
      c,
      received: (c === 'cny' ? applied : 0n) + get(pool, c) + get(refunded, c),
    });

  // Each provider's movements in the store are exactly what the provider charged and refunded.
  for (const g of gateways) {
    const moved = (kind: string) =>
      rows<{ c: string; s: string }>(
        sql`select currency as c, sum(amount_fen)::text as s from payment_movements where provider = ${g.via} and (kind = 'refund') = ${kind === 'refund'} group by currency`,
      );
    const truth = g.totals();
    const inBooks = { charged: sumBy(await moved('payment')), refunded: sumBy(await moved('refund')) };
    for (const c of new Set([...truth.charged.keys(), ...inBooks.charged.keys()]))
      expect(get(inBooks.charged, c), `${g.via} charged ${c}`).toBe(get(truth.charged, c));
    for (const c of new Set([...truth.refunded.keys(), ...inBooks.refunded.keys()]))
      expect(get(inBooks.refunded, c), `${g.via} refunded ${c}`).toBe(get(truth.refunded, c));
  }
  // And the bank transfers the office confirmed, each once.
  expect(
    BigInt(
      (
        await one<{ s: string }>(
          sql`select coalesce(sum(amount_fen), 0)::text as s from payment_movements where provider = 'bank_transfer' and kind = 'transfer'`,
        )
      ).s,
    ),
  ).toBe(transfersFen);

  // An approved pay-later order not yet paid, shipped or not, stays on the list of transfers awaited.
  const awaited = new Set((await listTransfersAwaiting()).map((r) => r.orderNo));
  for (const r of await rows<{ order_no: string }>(
    sql`select order_no from orders where payment_terms = 'pay_later' and decided_at is not null and paid_at is null and status not in ('cancelled', 'expired')`,
  ))
    expect(awaited.has(r.order_no), r.order_no).toBe(true);
}
