import { OutOfStockError, UnknownProductError } from '@/db/queries/orders';
import { optionalUser } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { hitRateLimit, ordersPerMinute } from '@/lib/http/rate-limit';
import { route } from '@/lib/http/route';
import { PaymentUnavailableError, startCheckout } from '@/lib/payments/checkout';
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
    let r;
    try {
      r = await startCheckout({ ...body, userId: user?.id ?? null });
    } catch (e) {
      if (e instanceof OutOfStockError)
        throw new AppError('out_of_stock', '库存不足', Object.fromEntries(e.slugs.map((s) => [s, '库存不足'])));
      if (e instanceof UnknownProductError)
        throw new AppError(
          'invalid_input',
          '商品不存在或已下架',
          Object.fromEntries(e.slugs.map((s) => [s, '商品不存在或已下架'])),
        );
      if (e instanceof PaymentUnavailableError)
        throw new AppError('invalid_input', e.message, { paymentMethod: e.message });
      throw e;
    }
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
