import { optionalUser } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { hitRateLimit, ordersPerMinute } from '@/lib/http/rate-limit';
import { route } from '@/lib/http/route';
import { startCheckout } from '@/lib/payments/checkout';
import { placeOrderSchema } from '@/lib/validation/orders';

/** POST /api/v1/orders: the same checkout as the web store. Client-sent prices and totals are ignored. */
export const POST = route(
  {
    name: 'orders api',
    before: (req) => {
      if (hitRateLimit(`orders:${clientAddress(req.headers)}`, ordersPerMinute()))
        throw new AppError('rate_limited', '下单过于频繁，请稍后再试');
    },
    body: placeOrderSchema,
    invalid: '订单信息有误',
  },
  async ({ body }) => {
    const user = await optionalUser();
    const r = await startCheckout({ ...body, userId: user?.id ?? null });
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
