import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { SimulatedPayment } from '@/components/orders/simulated-payment';
import { getOrderView } from '@/lib/orders/order-view';
import { optionalUser } from '@/lib/auth/guards';
import { canActOnOrder } from '@/lib/orders/access';
import { isValidPayCapability } from '@/lib/payments/pay-link';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '演示支付', robots: { index: false } };

type Props = {
  params: Promise<{ orderNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default function SimulatedPayPage(props: Props) {
  return (
    <div className="mx-auto max-w-md px-4 py-8">
      <h1 className="text-2xl font-bold">演示支付</h1>
      <p className="mt-1 text-sm text-amber-900">
        本页模拟收银台，不会真实扣款。确认后订单按真实支付同样处理：计入销售与扶贫目标。
      </p>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>
          <Pay {...props} />
        </Suspense>
      </div>
    </div>
  );
}

/**
 * The order's owner (session, access token, cookie) or the holder of its payUrl's capability (any
 * browser: an API client's user) may pay or cancel here; the capability shows the order and nothing more.
 */
async function Pay({ params, searchParams }: Props) {
  const { orderNo } = await params;
  const q = await searchParams;
  const token = typeof q.token === 'string' ? q.token : '';
  const cap = typeof q.cap === 'string' ? q.cap : '';
  if (!paymentSimulatorOn() || !orderNoSchema.safeParse(orderNo).success) notFound();
  const order = await getOrderView({ orderNo });
  const user = await optionalUser();
  if (!order) notFound();
  // The guest lookup's view grant only reads an order: paying or cancelling needs more.
  const owner = await canActOnOrder(order, { userId: user?.id, token });
  if (!owner && !isValidPayCapability(orderNo, cap)) notFound();
  return <SimulatedPayment order={order} values={{ orderNo, token, cap }} owner={owner} />;
}
