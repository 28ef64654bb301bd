import { getOrderView } from '@/db/queries/orders';
import { optionalUser } from '@/lib/auth/guards';
import { apiError } from '@/lib/http/errors';
import { orderJson } from '@/lib/http/order-json';
import { canAccessOrder } from '@/lib/orders/access';
import { orderNoSchema } from '@/lib/validation/orders';

/** GET /api/v1/orders/{orderNo} with `Authorization: Bearer <accessToken>` or the owner's session. */
export async function GET(req: Request, { params }: { params: Promise<{ orderNo: string }> }): Promise<Response> {
  const { orderNo } = await params;
  if (!orderNoSchema.safeParse(orderNo).success) return apiError('not_found', '订单不存在');
  const token = req.headers.get('authorization')?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/)?.[1] ?? null;
  const order = await getOrderView({ orderNo });
  const user = token ? null : await optionalUser();
  // The same answer for a missing order and a foreign one: order numbers are not secrets.
  if (!order || !(await canAccessOrder(order, { userId: user?.id, token }))) return apiError('not_found', '订单不存在');
  return Response.json(orderJson(order), { headers: { 'Cache-Control': 'private, no-store' } });
}
