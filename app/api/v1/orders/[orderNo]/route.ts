import { z } from 'zod';
import { getOrderView } from '@/lib/orders/order-view';
import { optionalUser } from '@/lib/auth/guards';
import { AppError } from '@/lib/errors';
import { orderJson } from '@/lib/http/order-json';
import { route } from '@/lib/http/route';
import { canAccessOrder } from '@/lib/orders/access';
import { orderNoSchema } from '@/lib/validation/orders';

/** GET /api/v1/orders/{orderNo} with `Authorization: Bearer <accessToken>` or the owner's session. */
export const GET = route(
  { name: 'order api', params: z.object({ orderNo: orderNoSchema }), notFound: '订单不存在' },
  async ({ req, params: { orderNo } }) => {
    const token = req.headers.get('authorization')?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/)?.[1] ?? null;
    const order = await getOrderView({ orderNo });
    const user = token ? null : await optionalUser();
    // The same answer for a missing order and a foreign one: order numbers are not secrets.
    if (!order || !(await canAccessOrder(order, { userId: user?.id, token })))
      throw new AppError('not_found', '订单不存在');
    return Response.json(orderJson(order), { headers: { 'Cache-Control': 'private, no-store' } });
  },
);
