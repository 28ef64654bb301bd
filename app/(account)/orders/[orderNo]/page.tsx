import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { OrderDetail } from '@/components/orders/order-detail';
import { getOrderView } from '@/lib/orders/order-view';
import { optionalUser } from '@/lib/auth/guards';
import { canAccessOrder } from '@/lib/orders/access';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { orderNoSchema } from '@/lib/validation/orders';
import { Card } from '@/components/ui/card';
import { ButtonLink } from '@/components/ui/button';

export const metadata: Metadata = { title: '订单详情', robots: { index: false } };

type Params = Promise<{ orderNo: string }>;

export default function OrderPage({ params }: { params: Params }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">订单详情</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Order params={params} />
      </Suspense>
    </div>
  );
}

async function Order({ params }: { params: Params }) {
  const { orderNo } = await params;
  const order = orderNoSchema.safeParse(orderNo).success ? await getOrderView({ orderNo }) : null;
  const user = await optionalUser();
  const owner = order ? await canAccessOrder(order, { userId: user?.id }) : false;
  // The programme office opens any order (from its order list and the impact drill-down), with the
  // buyer's name, mobile and street address masked.
  const office = !owner && user?.role === 'admin';
  if (!order || !(owner || office)) {
    return (
      <Card padding="none" className="p-6">
        <p className="font-semibold">找不到该订单</p>
        <p className="mt-1 text-neutral-700">请登录下单时的账号，或用订单号和手机号查询。</p>
        <Link
          href="/orders"
          className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          查询订单
        </Link>
      </Card>
    );
  }
  return (
    <>
      {owner && order.status === 'pending_payment' && order.paymentMethod === 'simulated' && paymentSimulatorOn() ? (
        <ButtonLink href={`/pay/simulated/${order.orderNo}`} className="mb-4">
          去支付
        </ButtonLink>
      ) : null}
      <OrderDetail order={order} showPersonal={owner} />
    </>
  );
}
