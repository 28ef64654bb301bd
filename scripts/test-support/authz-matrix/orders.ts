import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jar } from './request';
import { one } from '@/scripts/test-support/database';
import { ids, unique } from './world';

/** Orders for the authorization matrix to act on: a buyer's, a guest's, a unit's, paid, shipped, in 售后. */

export async function placeFor(userId: string | null, paid = false): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const o = await placeOrder({
    items: [{ slug: 'manhao-bananas', quantity: 1 }],
    contact: { name: '买家', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'simulated',
    userId,
    timeoutMinutes: 30,
  });
  if (paid) {
    const { paySimulated } = await import('@/lib/payments/simulator');
    await paySimulated({ orderNo: o.orderNo });
  }
  return o.orderNo;
}

export async function paidOrderOf(slug: string): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const { paySimulated } = await import('@/lib/payments/simulator');
  const o = await placeOrder({
    items: [{ slug, quantity: 1 }],
    contact: { name: '买家', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'simulated',
    userId: ids.buyer,
    timeoutMinutes: 30,
  });
  await paySimulated({ orderNo: o.orderNo });
  return o.orderNo;
}

export async function unitOrder(
  status: 'pending_approval' | 'pending_payment',
  placedBy = ids.unitBuyer,
): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const o = await placeOrder({
    items: [{ slug: 'manhao-bananas', quantity: 10 }],
    contact: { name: '采购员', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'bank_transfer',
    userId: placedBy,
    timeoutMinutes: 30,
    unit: {
      unitId: ids.demoUnit,
      unitName: '演示单位',
      creditCode: 'X',
      roundId: null,
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      recipients: [],
    },
  });
  if (status === 'pending_payment')
    await getDb().execute(sql`update orders set status = 'pending_payment', expires_at = null where id = ${o.orderId}`);
  return o.orderNo;
}
/** A purchase order that no approver of the unit may decide: the office's. */
export async function officeOrder(): Promise<string> {
  const orderNo = await unitOrder('pending_approval');
  await getDb().execute(sql`update orders set office_approval = true where order_no = ${orderNo}`);
  return orderNo;
}
/** A guest order this browser found by number and mobile: it holds the lookup's view grant only. */
export async function lookedUpOrder(): Promise<Record<string, unknown>> {
  const orderNo = await placeFor(null);
  const { viewGrant } = await import('@/lib/orders/view-grant');
  jar.set(`gj_order_${orderNo.replace(/[^A-Za-z0-9]/g, '')}_v`, viewGrant(orderNo));
  return { orderNo };
}

/** 待处理款项: a simulator payment that arrived after its order was cancelled (its stock can be taken again). */
export async function unmatchedMoney(): Promise<string> {
  const orderNo = await placeFor(ids.buyer);
  const { endOrder } = await import('@/lib/payments/sessions');
  const { receiveMoney } = await import('@/lib/payments/movements');
  const { transaction } = await import('@/db/tx');
  await endOrder({ orderNo, to: 'cancelled', reason: '测试' });
  const o = await one<{ id: string; total: string }>(
    sql`select id, total_fen::text as total from orders where order_no = ${orderNo}`,
  );
  await transaction((tx) =>
    receiveMoney(tx, {
      kind: 'payment',
      provider: 'simulated',
      externalRef: `late:${orderNo}`,
      amountFen: BigInt(o.total),
      currency: 'cny',
      orderId: o.id,
      exact: true,
    }),
  );
  return (await one<{ id: string }>(sql`select id from payment_movements where external_ref = ${'late:' + orderNo}`))
    .id;
}

/** 售后 (issue 16): the buyer's order of supplier A's scarf, paid and shipped; received when asked. */
export async function shippedOrderOf(received: boolean): Promise<{ orderNo: string; itemId: string }> {
  const orderNo = await paidOrderOf('yi-embroidered-scarf');
  const { shipSupplierLines } = await import('@/lib/orders/shipping');
  await shipSupplierLines({
    orderNo,
    supplierId: ids.supplierA,
    carrier: '顺丰速运',
    trackingNo: `SF${unique()}`,
    actorId: ids.admin,
  });
  if (received) {
    const { confirmReceipt } = await import('@/lib/orders/receipt');
    await confirmReceipt({ orderNo, actorId: ids.buyer });
  }
  const item = await one<{ id: string }>(
    sql`select oi.id::text from order_items oi join orders o on o.id = oi.order_id where o.order_no = ${orderNo}`,
  );
  return { orderNo, itemId: item.id };
}

/** A case on such an order, walked to `status`. */
export async function caseAt(status: 'requested' | 'office_review' | 'awaiting_return' | 'return_shipped') {
  const o = await shippedOrderOf(true);
  const { requestAfterSales, decideAfterSales } = await import('@/lib/after-sales/cases');
  const c = await requestAfterSales({
    orderNo: o.orderNo,
    orderItemId: o.itemId,
    kind: 'return_refund',
    reason: 'quality',
    description: '',
    quantity: 1,
    photos: [],
    actorId: ids.buyer,
  });
  const step = (s: Parameters<typeof decideAfterSales>[0]['step'], extra = {}) =>
    decideAfterSales({
      caseId: c.id,
      step: s,
      actorId: s.by === 'office' ? ids.admin : s.by === 'buyer' ? ids.buyer : ids.managerA,
      ...extra,
    });
  if (status !== 'requested')
    await step({ by: 'supplier', decision: 'disagree' }, { supplierId: ids.supplierA, note: '不同意' });
  if (status === 'awaiting_return' || status === 'return_shipped') await step({ by: 'office', decision: 'approve' });
  if (status === 'return_shipped')
    await step(
      { by: 'buyer', decision: 'ship_return' },
      { orderNo: o.orderNo, returnShipment: { carrier: '顺丰速运', trackingNo: 'SF12345' } },
    );
  return { caseId: c.id, orderNo: o.orderNo };
}
