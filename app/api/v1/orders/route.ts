import { OutOfStockError, UnknownProductError } from '@/db/queries/orders';
import { optionalUser } from '@/lib/auth/guards';
import { clientAddress } from '@/lib/http/client-address';
import { apiError } from '@/lib/http/errors';
import { hitRateLimit, ordersPerMinute } from '@/lib/http/rate-limit';
import { PaymentUnavailableError, startCheckout } from '@/lib/payments/checkout';
import { cleanInput } from '@/lib/validation/clean-input';
import { placeOrderSchema } from '@/lib/validation/orders';

/** POST /api/v1/orders: the same checkout as the web store. Client-sent prices and totals are ignored. */
export async function POST(req: Request): Promise<Response> {
  if (hitRateLimit(`orders:${clientAddress(req.headers)}`, ordersPerMinute()))
    return apiError('rate_limited', '下单过于频繁，请稍后再试');
  let body: unknown;
  try {
    body = cleanInput(await req.json());
  } catch {
    return apiError('invalid_input', '请求体须为 JSON');
  }
  const parsed = placeOrderSchema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[i.path.join('.') || 'body'] ??= i.message;
    return apiError('invalid_input', '订单信息有误', fields);
  }
  const user = await optionalUser();
  try {
    const r = await startCheckout({ ...parsed.data, userId: user?.id ?? null });
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
  } catch (e) {
    if (e instanceof OutOfStockError)
      return apiError('out_of_stock', '库存不足', Object.fromEntries(e.slugs.map((s) => [s, '库存不足'])));
    if (e instanceof UnknownProductError)
      return apiError(
        'invalid_input',
        '商品不存在或已下架',
        Object.fromEntries(e.slugs.map((s) => [s, '商品不存在或已下架'])),
      );
    if (e instanceof PaymentUnavailableError) return apiError('invalid_input', e.message, { paymentMethod: e.message });
    throw e;
  }
}
