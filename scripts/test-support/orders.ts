import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';

export const contact = { name: '测试买家', mobile: '13912345678' };
export const address = {
  province: '云南省',
  city: '红河哈尼族彝族自治州',
  district: '个旧市',
  detail: '金湖东路 1 号',
};

/** A seeded user's id, by e-mail (admin@, buyer@, workshop@, unit@, approver@ … example.com). */
/** The fields of a unit's 采购单 form (the demo contact and delivery address), with `extra` on top. */
export function purchaseOrderForm(unitId: string, extra: Record<string, unknown>) {
  return {
    unitId,
    paymentTerms: 'prepay',
    fundSource: 'canteen',
    contactName: '张建国',
    contactMobile: '13887312345',
    province: '云南省',
    city: '红河哈尼族彝族自治州',
    district: '个旧市',
    detail: '机关大院 1 号',
    ...extra,
  };
}

export async function seededUserId(email: string): Promise<string> {
  return rowsOf<{ id: string }>(await getDb().execute(sql`select id from users where email = ${email}`))[0]!.id;
}

export async function setStock(slug: string, stock: number): Promise<void> {
  await getDb().execute(sql`update products set stock = ${stock} where slug = ${slug}`);
}

export async function stockOf(slug: string): Promise<number> {
  return rowsOf<{ stock: number }>(await getDb().execute(sql`select stock from products where slug = ${slug}`))[0]!
    .stock;
}

export async function scalar(q: ReturnType<typeof sql>): Promise<string> {
  const row = rowsOf<Record<string, unknown>>(await getDb().execute(q))[0]!;
  return String(Object.values(row)[0]);
}

export function orderRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/v1/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * A guest's unpaid order for the simulator, as most tests start: the seeded contact and address (and the
 * live stream it was placed from, when a test gives one).
 */
export async function guestOrder(items: { slug: string; quantity: number }[], from: { livestreamId?: number } = {}) {
  const { placeOrder } = await import('@/lib/orders/place-order');
  return placeOrder({
    items,
    contact,
    shippingAddress: address,
    paymentMethod: 'simulated',
    userId: null,
    timeoutMinutes: 30,
    ...from,
  });
}

/**
 * A demo unit's purchase order, approved by its approver: awaiting a bank transfer (pay-later terms
 * make it shippable before payment). The buyer and approver are the seeded unit@ and approver@.
 */
export async function approvedUnitOrder(p: {
  items: { slug: string; quantity: number }[];
  payLater: boolean;
  mobile?: string;
}) {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const { decideUnitOrder } = await import('@/lib/orders/purchase-orders');
  const buyer = await seededUserId('unit@example.com');
  const unitId = rowsOf<{ u: string }>(
    await getDb().execute(sql`select unit_id as u from unit_members where user_id = ${buyer}`),
  )[0]!.u;
  const o = await placeOrder({
    items: p.items,
    contact: { ...contact, mobile: p.mobile ?? contact.mobile },
    shippingAddress: address,
    paymentMethod: 'bank_transfer',
    userId: buyer,
    timeoutMinutes: 30,
    unit: {
      unitId,
      unitName: '演示单位',
      creditCode: 'X',
      roundId: null,
      paymentTerms: p.payLater ? 'pay_later' : 'prepay',
      recipients: [],
    },
  });
  await decideUnitOrder({
    orderNo: o.orderNo,
    approverId: await seededUserId('approver@example.com'),
    decision: 'approve',
  });
  return o;
}
