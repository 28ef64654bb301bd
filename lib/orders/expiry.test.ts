import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { scalar, stockOf, guestOrder } from '@/scripts/test-support/orders';
import { expireOverdueOrders } from '@/lib/orders/payment-effects';
import { paySimulated } from '@/lib/payments/simulator';

useSeededDatabase();

describe('expiry sweep', () => {
  it('expires overdue unpaid orders once, releases their stock, and leaves paid orders alone', async () => {
    const stock = await stockOf('baohe-red-rice');
    const a = await guestOrder([{ slug: 'baohe-red-rice', quantity: 3 }]);
    const b = await guestOrder([{ slug: 'baohe-red-rice', quantity: 2 }]);
    await paySimulated({ orderNo: b.orderNo });
    await getDb().execute(
      sql`update orders set expires_at = now() - interval '1 minute' where id in (${a.orderId}, ${b.orderId})`,
    );
    const [first, second] = await Promise.all([expireOverdueOrders(), expireOverdueOrders()]);
    expect([...first!, ...second!]).toEqual([a.orderId]);
    expect(await expireOverdueOrders()).toEqual([]);
    expect(await scalar(sql`select status from orders where id = ${a.orderId}`)).toBe('expired');
    expect(await scalar(sql`select status from orders where id = ${b.orderId}`)).toBe('paid');
    expect(await stockOf('baohe-red-rice')).toBe(stock - 2);
  });
});
