import { describe, expect, it } from 'vitest';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { sessionCookieOf } from '@/scripts/test-support/session-cookie';
import { address, contact, seededUserId } from '@/scripts/test-support/orders';

/**
 * 支付结果 answers 404 before it renders unless the visitor may see the order: its buyer's session, or the
 * payUrl's capability for this very order; another buyer's session, the number alone, or a capability
 * for another order see nothing (lib/http/status-gate.ts).
 */
useSeededDatabase();

describe('支付结果 access', () => {
  it("opens for the buyer and the order's capability only", async () => {
    const { pageStatus } = await import('@/lib/http/status-gate');
    const { NextRequest } = await import('next/server');
    const { placeOrder } = await import('@/lib/orders/place-order');
    const { payCapability } = await import('@/lib/payments/pay-link');
    const buyerId = await seededUserId('buyer@example.com');
    const place = (userId: string | null) =>
      placeOrder({
        items: [{ slug: 'embroidered-brooch', quantity: 1 }],
        contact,
        shippingAddress: address,
        paymentMethod: 'simulated',
        userId,
        timeoutMinutes: 30,
      });
    const mine = await place(buyerId);
    const other = await place(null);
    const req = (path: string, cookie?: string) =>
      new NextRequest(`http://t${path}`, { headers: cookie ? { cookie } : {} });
    const path = `/pay/result/${mine.orderNo}`;

    expect(await pageStatus(req(path, await sessionCookieOf('buyer@example.com')))).toBeNull();
    expect(await pageStatus(req(path))).toBe(404);
    expect(await pageStatus(req(path, await sessionCookieOf('unit@example.com')))).toBe(404);
    expect(await pageStatus(req(`${path}?cap=${payCapability(mine.orderNo, mine.expiresAt)}`))).toBeNull();
    expect(await pageStatus(req(`${path}?cap=${payCapability(other.orderNo, other.expiresAt)}`))).toBe(404);
    expect(await pageStatus(req(`${path}?cap=1.${'A'.repeat(43)}`))).toBe(404);
    expect(await pageStatus(req('/pay/result/GJ20200101-000001'))).toBe(404);
    expect(await pageStatus(req('/pay/result/not-an-order'))).toBe(404);
  });
});
