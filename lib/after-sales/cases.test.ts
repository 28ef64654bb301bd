import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { address, contact, guestOrder, scalar } from '@/scripts/test-support/orders';
import { decideAfterSales, escalateOverdueCases, requestAfterSales } from '@/lib/after-sales/cases';
import { autoConfirmReceipts, confirmReceipt } from '@/lib/orders/receipt';
import { shipSupplierLines } from '@/lib/orders/shipping';
import { placeOrder } from '@/lib/orders/place-order';
import { paySimulated } from '@/lib/payments/simulator';
import { refundOrderMoney } from '@/lib/payments/refunds';
import { fakeExe, solidPng, svgWithScript } from '@/lib/media/fixtures';

useSeededDatabase();

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(q))[0]!;
const userId = async (email: string) =>
  (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
const supplierOf = async (slug: string) =>
  (await one<{ id: number }>(sql`select supplier_id as id from products where slug = ${slug}`)).id;
const counted = async () =>
  BigInt(
    (await one<{ v: string }>(sql`select coalesce(sum(amount_fen), 0)::text as v from sales_ledger where counted`)).v,
  );

/** A paid order of `items`, shipped by every supplier in it. */
async function shippedOrder(items: { slug: string; quantity: number }[], buyer: string | null = null) {
  const o = await placeOrder({
    items,
    contact,
    shippingAddress: address,
    paymentMethod: 'simulated',
    userId: buyer,
    timeoutMinutes: 30,
  });
  await paySimulated({ orderNo: o.orderNo });
  const admin = await userId('admin@example.com');
  for (const s of new Set(await Promise.all(items.map((i) => supplierOf(i.slug)))))
    await shipSupplierLines({
      orderNo: o.orderNo,
      supplierId: s,
      carrier: '顺丰速运',
      trackingNo: `SF${s}`,
      actorId: admin,
    });
  const lines = rowsOf<{ id: string; slug: string }>(
    await getDb().execute(
      sql`select oi.id::text, p.slug from order_items oi join products p on p.id = oi.product_id where oi.order_id = ${o.orderId} order by oi.id`,
    ),
  );
  return { ...o, line: (slug: string) => lines.find((l) => l.slug === slug)!.id };
}

/** The supplier's step on a case, taken by one of its managers. */
const supplierDecides = (
  caseId: string,
  decision: 'agree' | 'disagree' | 'confirm_return',
  manager: string,
  supplierId: number,
  extra: { note?: string; now?: Date } = {},
) => decideAfterSales({ caseId, step: { by: 'supplier', decision }, actorId: manager, supplierId, ...extra });

const ask = (
  o: { orderNo: string },
  orderItemId: string,
  extra: Partial<Parameters<typeof requestAfterSales>[0]> = {},
) =>
  requestAfterSales({
    orderNo: o.orderNo,
    orderItemId,
    kind: 'return_refund',
    reason: 'no_reason',
    description: '',
    quantity: 1,
    photos: [],
    actorId: null,
    ...extra,
  });

describe('确认收货', () => {
  it('confirms a shipped order once, even when two confirmations arrive at once', async () => {
    const o = await shippedOrder([{ slug: 'embroidered-brooch', quantity: 1 }]);
    const both = await Promise.all([
      confirmReceipt({ orderNo: o.orderNo, actorId: null }),
      confirmReceipt({ orderNo: o.orderNo, actorId: null }),
    ]);
    expect(both.sort()).toEqual(['already', 'confirmed']);
    expect(await scalar(sql`select status from orders where id = ${o.orderId}`)).toBe('delivered');
    expect(await scalar(sql`select count(*) from order_events where order_id = ${o.orderId}`)).toBe('1');
    expect(
      await scalar(sql`select count(*) from audit_log where action = 'order.receipt' and entity_id = ${o.orderNo}`),
    ).toBe('1');
  });

  it('refuses an order not yet shipped by every supplier', async () => {
    const o = await guestOrder([{ slug: 'embroidered-brooch', quantity: 1 }]);
    expect(await confirmReceipt({ orderNo: o.orderNo, actorId: null })).toBe('not_ready');
    await paySimulated({ orderNo: o.orderNo });
    expect(await confirmReceipt({ orderNo: o.orderNo, actorId: null })).toBe('not_ready');
  });

  it('happens by itself 10 days after the last shipment', async () => {
    const o = await shippedOrder([{ slug: 'embroidered-bookmark-set', quantity: 1 }]);
    const shipped = new Date(await scalar(sql`select max(shipped_at) from shipments where order_id = ${o.orderId}`));
    await autoConfirmReceipts({ now: new Date(shipped.getTime() + 9 * 86_400_000) });
    expect(await scalar(sql`select status from orders where id = ${o.orderId}`)).toBe('shipped');
    await autoConfirmReceipts({ now: new Date(shipped.getTime() + 10 * 86_400_000 + 1000) });
    expect(await scalar(sql`select status from orders where id = ${o.orderId}`)).toBe('delivered');
    expect(await scalar(sql`select action from order_events where order_id = ${o.orderId}`)).toBe(
      '发货 10 天后自动确认收货',
    );
  });
});

describe('售后', () => {
  it('walks 退货退款: supplier disagrees, office approves, return tracked, refund of exactly the goods', async () => {
    const buyer = await userId('buyer@example.com');
    const admin = await userId('admin@example.com');
    const manager = await userId('workshop@example.com');
    const o = await shippedOrder(
      [
        { slug: 'embroidered-brooch', quantity: 2 },
        { slug: 'embroidered-cushion-cover', quantity: 1 },
      ],
      buyer,
    );
    await expect(ask(o, o.line('embroidered-brooch'))).rejects.toThrow('请先确认收货');
    await confirmReceipt({ orderNo: o.orderNo, actorId: buyer });
    const photo = solidPng(300);
    const c = await ask(o, o.line('embroidered-brooch'), { photos: [photo], actorId: buyer, description: '不喜欢' });
    const supplierId = await supplierOf('embroidered-brooch');
    const price = Number(
      await scalar(sql`select unit_price_fen from order_items where id = ${o.line('embroidered-brooch')}`),
    );
    expect(c.amountFen).toBe(BigInt(price));
    expect(await scalar(sql`select count(*) from after_sales_photos where case_id = ${c.id}`)).toBe('1');

    // Another supplier cannot decide it; the office cannot decide before a refusal.
    await expect(supplierDecides(c.id, 'agree', manager, supplierId + 1)).rejects.toThrow('售后申请不存在');
    await expect(
      decideAfterSales({ caseId: c.id, step: { by: 'office', decision: 'approve' }, actorId: admin }),
    ).rejects.toThrow('已处理');
    expect(await supplierDecides(c.id, 'disagree', manager, supplierId, { note: '商品已使用' })).toBe('office_review');
    // Replayed: refused, nothing written.
    await expect(supplierDecides(c.id, 'agree', manager, supplierId)).rejects.toThrow('已处理');
    const approved = await Promise.allSettled([
      decideAfterSales({ caseId: c.id, step: { by: 'office', decision: 'approve' }, actorId: admin }),
      decideAfterSales({ caseId: c.id, step: { by: 'office', decision: 'approve' }, actorId: admin }),
    ]);
    expect(approved.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await scalar(sql`select return_address from after_sales_cases where id = ${c.id}`)).toContain('刺绣');

    // Another order's number does not reach this case.
    const other = await shippedOrder([{ slug: 'embroidered-coaster-set', quantity: 1 }]);
    await expect(
      decideAfterSales({
        caseId: c.id,
        step: { by: 'buyer', decision: 'ship_return' },
        actorId: buyer,
        orderNo: other.orderNo,
        returnShipment: { carrier: '顺丰速运', trackingNo: 'SF9' },
      }),
    ).rejects.toThrow('售后申请不存在');
    await decideAfterSales({
      caseId: c.id,
      step: { by: 'buyer', decision: 'ship_return' },
      actorId: buyer,
      orderNo: o.orderNo,
      returnShipment: { carrier: '顺丰速运', trackingNo: 'SF123456' },
    });
    const before = await counted();
    const refundedBefore = BigInt(await scalar(sql`select refunded_fen from orders where id = ${o.orderId}`));
    const confirmed = await Promise.allSettled([
      supplierDecides(c.id, 'confirm_return', manager, supplierId),
      decideAfterSales({ caseId: c.id, step: { by: 'office', decision: 'confirm_return' }, actorId: admin }),
    ]);
    expect(confirmed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(BigInt(await scalar(sql`select refunded_fen from orders where id = ${o.orderId}`)) - refundedBefore).toBe(
      BigInt(price),
    );
    expect(before - (await counted())).toBe(BigInt(price));
    expect(await scalar(sql`select refunded_at is not null from after_sales_cases where id = ${c.id}`)).toBe('true');
    const steps = rowsOf<{ action: string }>(
      await getDb().execute(sql`select action from order_events where order_id = ${o.orderId} order by at, id`),
    ).map((r) => r.action);
    expect(steps).toEqual([
      '买家确认收货',
      '申请退货退款（七天无理由）',
      '商家不同意售后，转交消费帮扶办公室处理',
      '消费帮扶办公室同意售后',
      '买家已寄回商品',
      '已确认收到退货',
      `已退款 ¥${Math.trunc(price / 100)}.${String(price % 100).padStart(2, '0')}`, // yuan.fen in integers (a brooch: no thousands)
    ]);
    expect(await scalar(sql`select count(*) from audit_log where entity = 'after_sales' and entity_id = ${c.id}`)).toBe(
      '6',
    );
  });

  it('refuses a second case on the same line, photos that are not images, and more than 3 photos', async () => {
    const o = await shippedOrder([{ slug: 'embroidered-table-runner', quantity: 2 }]);
    await confirmReceipt({ orderNo: o.orderNo, actorId: null });
    const line = o.line('embroidered-table-runner');
    await expect(ask(o, line, { photos: [fakeExe()] })).rejects.toThrow('照片');
    await expect(ask(o, line, { photos: [svgWithScript] })).rejects.toThrow('照片');
    await expect(
      ask(o, line, { photos: [solidPng(300), solidPng(300), solidPng(300), solidPng(300)] }),
    ).rejects.toThrow('最多上传 3 张照片');
    await expect(ask(o, line, { quantity: 3 })).rejects.toThrow('退款数量须为 1 到 2 件');
    const both = await Promise.allSettled([ask(o, line), ask(o, line)]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(ask(o, line)).rejects.toThrow('该商品已申请过售后');
    // A line of another order is not on this one.
    const other = await shippedOrder([{ slug: 'embroidered-coaster-set', quantity: 1 }]);
    await expect(ask(o, other.line('embroidered-coaster-set'))).rejects.toThrow('订单中没有该商品');
  });

  it('refuses a no-reason return of a perishable product and accepts its quality complaint (仅退款 refunds at once)', async () => {
    const o = await shippedOrder([{ slug: 'jijie-seasonal-veg-box', quantity: 1 }]);
    await confirmReceipt({ orderNo: o.orderNo, actorId: null });
    const line = o.line('jijie-seasonal-veg-box');
    await expect(ask(o, line)).rejects.toThrow('鲜活易腐商品不支持七天无理由退货');
    const c = await ask(o, line, { kind: 'refund_only', reason: 'quality', photos: [solidPng(300)] });
    const manager = await userId('coop@example.com');
    const supplierId = await supplierOf('jijie-seasonal-veg-box');
    expect(await supplierDecides(c.id, 'agree', manager, supplierId)).toBe('refunded');
    expect(await scalar(sql`select refunded_fen from orders where id = ${o.orderId}`)).toBe('6800');
  });

  it('sends a case the supplier left for 48 hours to the office, and refuses its late answer', async () => {
    const o = await shippedOrder([{ slug: 'embroidered-phone-pouch', quantity: 1 }]);
    await confirmReceipt({ orderNo: o.orderNo, actorId: null });
    const c = await ask(o, o.line('embroidered-phone-pouch'));
    const supplierId = await supplierOf('embroidered-phone-pouch');
    const manager = await userId('workshop@example.com');
    const late = new Date(c.supplierDeadline.getTime() + 1000);
    await expect(supplierDecides(c.id, 'agree', manager, supplierId, { now: late })).rejects.toThrow(
      '已超过 48 小时答复期限',
    );
    expect(await scalar(sql`select status from after_sales_cases where id = ${c.id}`)).toBe('office_review');
    await escalateOverdueCases({ now: late });
    expect(await scalar(sql`select count(*) from order_events where case_id = ${c.id} and actor = 'system'`)).toBe('1'); // escalated once
  });

  it('refuses a refund above what the line still holds (the office refunded it already)', async () => {
    const o = await shippedOrder([{ slug: 'embroidered-insoles', quantity: 1 }]);
    await confirmReceipt({ orderNo: o.orderNo, actorId: null });
    const admin = await userId('admin@example.com');
    const total = BigInt(await scalar(sql`select total_fen from orders where id = ${o.orderId}`));
    await refundOrderMoney({ orderNo: o.orderNo, amountFen: total, requestId: 'office-all', actorId: admin });
    await expect(ask(o, o.line('embroidered-insoles'))).rejects.toThrow('没有可退的款项');
  });
});
