import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';

/**
 * A welfare (工会慰问品) unit order with five recipients: three of 马缨花刺绣胸针 (supplier A, 大屯幸福社区刺绣扶贫车间,
 * recipients 1–3) and two of 大棚番茄 (supplier B, 鸡街镇绿源蔬菜种植专业合作社, recipients 4–5). Approved, then paid
 * by the simulator ('paid'), or approved pay-later and not yet paid ('pay_later'), or left 待审批 ('pending').
 */
export const WELFARE_RECIPIENTS = [
  {
    slug: 'embroidered-brooch',
    quantity: 2,
    name: '张三',
    mobile: '13987310001',
    address: '个旧市金湖东路 1 号 3 栋',
    row: 2,
  },
  {
    slug: 'embroidered-brooch',
    quantity: 2,
    name: '李四',
    mobile: '13987310002',
    address: '个旧市金湖西路 2 号 1 单元',
    row: 3,
  },
  {
    slug: 'embroidered-brooch',
    quantity: 2,
    name: '王五',
    mobile: '13987310003',
    address: '个旧市大屯镇幸福社区 5 栋',
    row: 4,
  },
  {
    slug: 'jijie-tomatoes',
    quantity: 1,
    name: '赵六',
    mobile: '13987310004',
    address: '个旧市鸡街镇政府 2 楼',
    row: 5,
  },
  {
    slug: 'jijie-tomatoes',
    quantity: 1,
    name: '钱七',
    mobile: '13987310005',
    address: '个旧市鸡街镇卫生院 门诊楼',
    row: 6,
  },
];

export async function welfareOrder(
  state: 'paid' | 'pay_later' | 'pending' | 'shipped' = 'paid',
): Promise<{ orderNo: string; orderId: string }> {
  const db = getDb();
  await db.execute(
    sql`update products set stock = greatest(stock, 100000), unit_min_quantity = 1 where slug in ('embroidered-brooch', 'jijie-tomatoes')`,
  );
  const [unit] = rowsOf<{ id: string; name: string; credit_code: string; approver: string }>(
    await db.execute(sql`
      select u.id, u.name, u.credit_code, (select id from users where email = 'approver@example.com') as approver
      from units u join unit_members m on m.unit_id = u.id
      join users b on b.id = m.user_id where b.email = 'unit@example.com' limit 1`),
  );
  const buyer = rowsOf<{ id: string }>(
    await db.execute(sql`select id from users where email = 'unit@example.com'`),
  )[0]!;
  const { placeOrder } = await import('@/lib/orders/place-order');
  const o = await placeOrder({
    items: [
      { slug: 'embroidered-brooch', quantity: 6 },
      { slug: 'jijie-tomatoes', quantity: 2 },
    ],
    contact: { name: '工会办公室', mobile: '13887312345' },
    shippingAddress: { province: '云南省', city: '红河哈尼族彝族自治州', district: '个旧市', detail: '机关大院 1 号' },
    paymentMethod: 'bank_transfer',
    userId: buyer.id,
    timeoutMinutes: 60 * 24 * 7,
    unit: {
      unitId: unit!.id,
      unitName: unit!.name,
      creditCode: unit!.credit_code,
      roundId: null,
      paymentTerms: state === 'pay_later' ? 'pay_later' : 'prepay',
      recipients: WELFARE_RECIPIENTS,
    },
  });
  if (state === 'pending') return { orderNo: o.orderNo, orderId: o.orderId };
  await db.execute(
    sql`update orders set status = 'pending_payment', decided_at = now(), decided_by = ${unit!.approver} where id = ${o.orderId}`,
  );
  if (state === 'paid' || state === 'shipped') {
    const { paySimulated } = await import('@/lib/payments/simulator');
    await paySimulated({ orderNo: o.orderNo });
  }
  if (state === 'shipped') {
    // Every supplier's part shipped (its parcels' summary row), as the 发货清单 leaves it.
    await db.execute(sql`
      insert into shipments (order_id, supplier_id, carrier, tracking_no)
      select distinct order_id, supplier_id, '顺丰速运', '5 个包裹（按收货人）' from order_items where order_id = ${o.orderId}`);
    await db.execute(sql`update orders set status = 'shipped' where id = ${o.orderId}`);
  }
  return { orderNo: o.orderNo, orderId: o.orderId };
}
