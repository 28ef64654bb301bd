import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { sessionCookieOf } from '@/scripts/test-support/session-cookie';
import { welfareOrder } from '@/scripts/test-support/recipients';

/**
 * /workshop/orders/[orderNo] answers 404 before it renders unless a supplier of the signed-in manager has
 * recipients in the order and the order is paid or shippable; a non-manager gets the portal's 403
 * (lib/http/status-gate.ts).
 */
useSeededDatabase();

describe('a welfare order’s parcel page', () => {
  it('opens for the managers of its suppliers, once paid or approved pay-later', async () => {
    const { pageStatus } = await import('@/lib/http/status-gate');
    const { NextRequest } = await import('next/server');
    const status = async (orderNo: string, email: string) =>
      pageStatus(
        new NextRequest(`http://t/workshop/orders/${orderNo}`, { headers: { cookie: await sessionCookieOf(email) } }),
      );
    const paid = await welfareOrder('paid');
    const later = await welfareOrder('pay_later');
    const pending = await welfareOrder('pending');
    expect(await status(paid.orderNo, 'workshop@example.com')).toBeNull(); // supplier A: recipients 1–3
    expect(await status(paid.orderNo, 'coop@example.com')).toBeNull(); // supplier B: recipients 4–5
    expect(await status(later.orderNo, 'workshop@example.com')).toBeNull();
    expect(await status(pending.orderNo, 'workshop@example.com')).toBe(404);
    expect(await status('GJ20200101-000001', 'workshop@example.com')).toBe(404);
    expect(await status('not-an-order', 'workshop@example.com')).toBe(404);
    expect(await status(paid.orderNo, 'unit@example.com')).toBe(403);
    // A supplier without recipients in the order: another seeded cooperative's manager.
    await getDb().execute(
      sql`update order_items set supplier_id = (select id from suppliers where slug = 'manhao-tropical-fruit-coop') where order_id = ${paid.orderId} and product_id = (select id from products where slug = 'jijie-tomatoes')`,
    );
    expect(await status(paid.orderNo, 'coop@example.com')).toBe(404);
  });
});
