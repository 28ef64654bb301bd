import { optionalUser } from '@/lib/auth/guards';
import { clientAddress } from '@/lib/http/client-address';
import { deviceOf } from '@/lib/http/device';
import { route } from '@/lib/http/route';
import { startCheckout } from '@/lib/payments/checkout';
import { placeOrderSchema } from '@/lib/validation/orders';

/**
 * POST /api/v1/orders: the same checkout as the web store. Client-sent prices and totals are ignored.
 * The per-address order limit and the guests' caps (lib/orders/retail-limits.ts) apply inside startCheckout.
 */
export const POST = route(
  { name: 'orders api', body: placeOrderSchema, invalid: '订单信息有误' },
  async ({ req, body }) => {
    const user = await optionalUser();
    const r = await startCheckout({
      ...body,
      userId: user?.id ?? null,
      clientAddress: clientAddress(req.headers),
      device: deviceOf(req.headers.get('user-agent')),
    });
    return Response.json(
      {
        orderNo: r.orderNo,
        status: 'pending_payment',
        totalFen: Number(r.totalFen),
        payUrl: r.payUrl,
        accessToken: r.accessToken,
        expiresAt: r.expiresAt.toISOString(),
      },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  },
);
