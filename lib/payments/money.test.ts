import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import {
  address,
  approvedUnitOrder,
  contact,
  scalar,
  setStock,
  stockOf,
  guestOrder,
} from '@/scripts/test-support/orders';

/**
 * The money model on the office's paths (PGlite and PostgreSQL): part transfers, cancellations of
 * orders holding money, the simulator charging the balance, 待处理款项 applied or refunded, and
 * pay-later orders shipped before they are paid.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
vi.stubEnv('PAYMENT_SIMULATOR', '1');

const { placeOrder } = await import('@/lib/orders/place-order');
const { listSupplierOrders, shipSupplierLines } = await import('@/lib/orders/shipping');
const { expireOverdueOrders } = await import('@/lib/orders/payment-effects');
const { adminCancelOrderAction, adminRefundOrderAction } = await import('@/lib/actions/admin-orders');
const { applyUnmatchedAction, refundUnmatchedAction, confirmTransferAction } = await import('@/lib/actions/payments');
const { paySimulated } = await import('./simulator');
const { endOrder } = await import('./sessions');
const { receiveMoney } = await import('./movements');
const { listUnmatched } = await import('@/db/queries/payments');
const { listTransfersAwaiting } = await import('@/db/queries/unit-orders');
const { transaction } = await import('@/db/tx');
useSeededDatabase();

const ids = { admin: '' };
const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(q))[0]!;
beforeAll(async () => {
  ids.admin = (await one<{ id: string }>(sql`select id from users where email = 'admin@example.com'`)).id;
  await getDb().execute(sql`update products set stock = 100000, unit_min_quantity = 1 where status = 'listed'`);
});

/** An approved unit order: the scarf (¥168) and two bananas (¥39 each), no shipping. */
const unitOrder = (payLater = false) =>
  approvedUnitOrder({
    items: [
      { slug: 'yi-embroidered-scarf', quantity: 1 },
      { slug: 'manhao-bananas', quantity: 2 },
    ],
    payLater,
  });
const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
const asAdmin = () => (session.userId = ids.admin);
const transfer = (orderNo: string, fen: bigint) =>
  confirmTransferAction(null, { orderNo, amount: yuan(fen), requestId: randomUUID() });
const money = async (orderId: string) =>
  one<{ status: string; paid: string; refunded: string; paid_at: string | null; ledger: string }>(sql`
    select status::text, paid_fen::text as paid, refunded_fen::text as refunded, paid_at::text,
           (select coalesce(sum(amount_fen), 0)::text from sales_ledger where order_id = o.id) as ledger
    from orders o where id = ${orderId}`);

describe('orders holding money (issue 14, Why 2)', () => {
  it('part of a transfer confirmed: cancelling is refused with the amount; refunded first, it cancels', async () => {
    asAdmin();
    const o = await unitOrder();
    expect(await transfer(o.orderNo, 10_000n)).toMatchObject({ ok: true });
    const refused = await adminCancelOrderAction(null, { orderNo: o.orderNo, reason: '单位撤单' });
    expect(refused).toMatchObject({ ok: false, code: 'conflict', error: '该订单已收款 ¥100.00，请先退款后再取消' });
    expect((await money(o.orderId)).status).toBe('pending_payment');
    // The office refunds what it holds (recorded: a bank transfer back), the same form twice.
    const refund = { orderNo: o.orderNo, amount: '100', requestId: randomUUID() };
    expect(await adminRefundOrderAction(null, refund)).toMatchObject({ ok: true });
    // Submitted again: the same request, refunded once (nothing moves twice); a fresh form: nothing is left.
    expect(await adminRefundOrderAction(null, refund)).toMatchObject({ ok: true, message: '已退款' });
    expect(await adminRefundOrderAction(null, { ...refund, requestId: randomUUID() })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await money(o.orderId)).toMatchObject({ paid: '10000', refunded: '10000', ledger: '0', paid_at: null });
    expect(await adminCancelOrderAction(null, { orderNo: o.orderNo, reason: '单位撤单' })).toMatchObject({ ok: true });
    expect((await money(o.orderId)).status).toBe('cancelled');
  });

  it('part of a transfer confirmed, then the simulator charges only the balance', async () => {
    asAdmin();
    const o = await unitOrder();
    await transfer(o.orderNo, 10_000n);
    const r = await paySimulated({ orderNo: o.orderNo });
    expect(r).toMatchObject({ effect: 'applied', paid: true, appliedFen: o.totalFen - 10_000n, unmatchedFen: 0n });
    expect(await money(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen), refunded: '0' });
    await expect(paySimulated({ orderNo: o.orderNo })).rejects.toMatchObject({ code: 'conflict' }); // nothing more to pay
  });

  it('a refund is split across the transfers newest first, and the same form twice refunds once', async () => {
    asAdmin();
    const o = await unitOrder();
    await transfer(o.orderNo, 5_000n);
    await transfer(o.orderNo, 3_000n);
    const refund = { orderNo: o.orderNo, amount: '40', requestId: randomUUID() };
    expect(await adminRefundOrderAction(null, refund)).toMatchObject({ ok: true });
    expect(await adminRefundOrderAction(null, refund)).toMatchObject({ ok: true }); // a double click
    expect(await money(o.orderId)).toMatchObject({ paid: '8000', refunded: '4000', status: 'pending_payment' });
    expect(
      await scalar(sql`select string_agg(s.amount_fen || '>' || r.amount_fen, ',' order by s.amount_fen)
        from payment_movements r join payment_movements s on s.id = r.source_id where r.order_id = ${o.orderId}`),
    ).toBe('3000>3000,5000>1000');
  });

  it('a refund beyond what the order holds is refused, and nothing moves', async () => {
    asAdmin();
    const o = await unitOrder();
    await transfer(o.orderNo, 5_000n);
    const r = await adminRefundOrderAction(null, { orderNo: o.orderNo, amount: '50.01', requestId: randomUUID() });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await money(o.orderId)).toMatchObject({ paid: '5000', refunded: '0' });
  });

  it('the expiry sweep never expires an order holding money', async () => {
    const o = await placeOrder({
      items: [{ slug: 'manhao-bananas', quantity: 1 }],
      contact,
      shippingAddress: address,
      paymentMethod: 'bank_transfer',
      userId: null,
      timeoutMinutes: 30,
    });
    await transaction((tx) =>
      receiveMoney(tx, {
        kind: 'transfer',
        provider: 'bank_transfer',
        externalRef: `t:${o.orderNo}`,
        amountFen: 100n,
        currency: 'cny',
        orderId: o.orderId,
        exact: false,
      }),
    );
    await getDb().execute(sql`update orders set expires_at = now() - interval '1 minute' where id = ${o.orderId}`);
    expect(await expireOverdueOrders()).not.toContain(o.orderId);
    expect(await endOrder({ orderId: o.orderId, to: 'expired', reason: '超时' })).toBe('holds_money');
    expect((await money(o.orderId)).status).toBe('pending_payment');
  });
});

describe('待处理款项', () => {
  async function lateSimPayment(slug = 'manhao-bananas', quantity = 1) {
    const o = await guestOrder([{ slug, quantity }]);
    await endOrder({ orderId: o.orderId, to: 'expired', reason: '超时未付款' });
    const r = await transaction((tx) =>
      receiveMoney(tx, {
        kind: 'payment',
        provider: 'simulated',
        externalRef: `late:${o.orderNo}`,
        amountFen: o.totalFen,
        currency: 'cny',
        orderId: o.orderId,
        exact: true,
      }),
    );
    expect(r).toMatchObject({ effect: 'unmatched', reason: 'order_closed' });
    const m = (await listUnmatched({ limit: 1000 })).find((u) => u.orderNo === o.orderNo)!;
    return { ...o, movementId: m.id };
  }

  it('applied to its expired order: the order is reopened, its stock taken again, and paid', async () => {
    asAdmin();
    const stock = await stockOf('manhao-bananas');
    const o = await lateSimPayment('manhao-bananas', 3);
    expect(await stockOf('manhao-bananas')).toBe(stock); // released at expiry
    expect(await applyUnmatchedAction(null, { movementId: o.movementId })).toMatchObject({ ok: true });
    expect(await money(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen) });
    expect(await stockOf('manhao-bananas')).toBe(stock - 3);
    expect((await listUnmatched({ limit: 1000 })).some((u) => u.id === o.movementId)).toBe(false);
    expect(await applyUnmatchedAction(null, { movementId: o.movementId })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
  });

  it('not applied when the stock is gone; refunded instead, once', async () => {
    asAdmin();
    const o = await lateSimPayment('laochang-walnuts', 2);
    await setStock('laochang-walnuts', 1);
    expect(await applyUnmatchedAction(null, { movementId: o.movementId })).toMatchObject({
      ok: false,
      error: '库存不足，不能恢复该订单，请退款',
    });
    expect((await money(o.orderId)).status).toBe('expired');
    expect(await refundUnmatchedAction(null, { movementId: o.movementId })).toMatchObject({ ok: true });
    expect(await refundUnmatchedAction(null, { movementId: o.movementId })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(
      await scalar(
        sql`select string_agg(kind || ':' || state || ':' || amount_fen, ',' order by kind) from payment_movements where order_id = ${o.orderId}`,
      ),
    ).toBe(`payment:returned:${o.totalFen},refund:unmatched:${o.totalFen}`);
    expect(await money(o.orderId)).toMatchObject({ status: 'expired', paid: '0', refunded: '0', ledger: '0' });
    await setStock('laochang-walnuts', 1000);
  });

  it('never applied to a paid order: a second payment can only be refunded', async () => {
    asAdmin();
    const o = await guestOrder([{ slug: 'manhao-bananas', quantity: 1 }]);
    await paySimulated({ orderNo: o.orderNo });
    await transaction((tx) =>
      receiveMoney(tx, {
        kind: 'payment',
        provider: 'simulated',
        externalRef: `again:${o.orderNo}`,
        amountFen: o.totalFen,
        currency: 'cny',
        orderId: o.orderId,
        exact: true,
      }),
    );
    const m = (await listUnmatched({ limit: 1000 })).find((u) => u.orderNo === o.orderNo)!;
    expect(m.reason).toBe('already_paid');
    expect(await applyUnmatchedAction(null, { movementId: m.id })).toMatchObject({
      ok: false,
      error: '订单已付款，请退款',
    });
    expect(await refundUnmatchedAction(null, { movementId: m.id })).toMatchObject({ ok: true });
    expect(await money(o.orderId)).toMatchObject({ status: 'paid', paid: String(o.totalFen), refunded: '0' });
  });
});

describe('pay-later (先货后款) orders', () => {
  it('ship before payment, stay on the transfers awaited, count toward the target only when paid', async () => {
    asAdmin();
    const o = await unitOrder(true);
    const supplierIds = rowsOf<{ s: number }>(
      await getDb().execute(sql`select distinct supplier_id as s from order_items where order_id = ${o.orderId}`),
    ).map((r) => r.s);
    const listed = await listSupplierOrders({ supplierId: supplierIds[0]!, limit: 500 });
    expect(listed.find((x) => x.orderNo === o.orderNo)).toMatchObject({ paidAt: null, shipment: null });
    for (const [n, supplierId] of supplierIds.entries()) {
      const r = await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId,
        carrier: '顺丰速运',
        trackingNo: `SF0000${n}`,
        actorId: ids.admin,
      });
      expect(r).toBe('shipped');
    }
    expect(await money(o.orderId)).toMatchObject({ status: 'shipped', paid_at: null, ledger: '0' });
    expect((await listTransfersAwaiting()).map((r) => r.orderNo)).toContain(o.orderNo);

    expect(await transfer(o.orderNo, o.totalFen)).toMatchObject({ ok: true, message: '已确认到账，订单已付款' });
    const after = await money(o.orderId);
    expect(after).toMatchObject({ status: 'shipped', paid: String(o.totalFen), ledger: String(o.totalFen) });
    expect(after.paid_at).not.toBeNull();
    expect((await listTransfersAwaiting()).map((r) => r.orderNo)).not.toContain(o.orderNo);
  });

  it('a prepaid unit order, or a pay-later one not yet approved, is not shippable before payment', async () => {
    const prepaid = await unitOrder(false);
    const s = (
      await one<{ s: number }>(
        sql`select supplier_id as s from order_items where order_id = ${prepaid.orderId} limit 1`,
      )
    ).s;
    expect(
      await shipSupplierLines({
        orderNo: prepaid.orderNo,
        supplierId: s,
        carrier: '顺丰速运',
        trackingNo: 'SF1',
        actorId: ids.admin,
      }),
    ).toBe('not_found');
  });
});
