import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { address, contact, scalar } from '@/scripts/test-support/orders';
import { listSupplierOrders, shipSupplierLines } from '@/lib/orders/shipping';
import { placeOrder } from '@/lib/orders/place-order';
import { paySimulated } from '@/lib/payments/simulator';

useSeededDatabase();

const supplierId = async (slug: string) =>
  rowsOf<{ id: number }>(await getDb().execute(sql`select id from suppliers where slug = ${slug}`))[0]!.id;

describe('fulfilment per supplier', () => {
  it('shows each supplier only its lines, masks the buyer, and ships per supplier', async () => {
    const a = await supplierId('datun-xingfu-embroidery');
    const b = await supplierId('manhao-tropical-fruit-coop');
    const admin = rowsOf<{ id: string }>(
      await getDb().execute(sql`select id from users where email = 'admin@example.com'`),
    )[0]!.id;
    const o = await placeOrder({
      items: [
        { slug: 'embroidered-brooch', quantity: 2 },
        { slug: 'manhao-mangoes', quantity: 1 },
      ],
      contact,
      shippingAddress: address,
      paymentMethod: 'simulated',
      userId: null,
      timeoutMinutes: 30,
    });
    expect(
      await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId: a,
        carrier: '顺丰速运',
        trackingNo: 'SF1000',
        actorId: admin,
      }),
    ).toBe('not_found'); // not paid yet
    await paySimulated({ orderNo: o.orderNo });

    const mine = (await listSupplierOrders({ supplierId: a, limit: 10 })).find((x) => x.orderNo === o.orderNo)!;
    expect(mine.lines).toEqual([{ name: '马缨花刺绣胸针', spec: '直径 5cm', quantity: 2 }]);
    expect(mine.contactMobile).toBe('139****5678');
    expect(mine.contactName).toBe('测***'); // 测试买家

    expect(
      await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId: a,
        carrier: '顺丰速运',
        trackingNo: 'SF1001',
        actorId: admin,
      }),
    ).toBe('shipped');
    expect(await scalar(sql`select status from orders where id = ${o.orderId}`)).toBe('partially_shipped');
    expect(
      await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId: a,
        carrier: '顺丰速运',
        trackingNo: 'SF1002',
        actorId: admin,
      }),
    ).toBe('already');
    expect(
      await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId: b,
        carrier: '中国邮政 EMS',
        trackingNo: 'EMS2001',
        actorId: admin,
      }),
    ).toBe('shipped');
    expect(await scalar(sql`select status from orders where id = ${o.orderId}`)).toBe('shipped');
    const other = await supplierId('kafang-ecotea-coop');
    expect(
      await shipSupplierLines({
        orderNo: o.orderNo,
        supplierId: other,
        carrier: '顺丰速运',
        trackingNo: 'SF3001',
        actorId: admin,
      }),
    ).toBe('not_found');
  });
});
