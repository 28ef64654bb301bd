import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { OrderDetail } from '@/components/orders/order-detail';
import { getOrderView } from '@/lib/orders/order-view';
import { optionalUser } from '@/lib/auth/guards';
import { orderAccessWith } from '@/lib/orders/access';
import { cookies } from 'next/headers';
import { continuePayUrl } from '@/lib/payments/resume';
import { afterSalesOfOrder } from '@/lib/after-sales/view';
import { OrderAfterSales } from '@/components/orders/order-after-sales';
import { OrderRecipients } from '@/components/orders/order-recipients';
import { maskedRecipients } from '@/lib/orders/recipients';
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
  // 'act': owner, token or checkout cookie (may pay); 'read': the guest lookup's view grant (reads only).
  const access = order ? orderAccessWith(order, { userId: user?.id }, await cookies()) : null;
  const owner = access !== null;
  // The programme office opens any order (from its order list and the impact drill-down), with the
  // buyer's name, mobile and street address masked.
  const office = !owner && user?.role === 'admin';
  if (!order || !(owner || office)) {
    return (
      <Card padding="none" className="p-6">
        <p className="font-semibold">找不到该订单</p>
        <p className="mt-1 text-neutral-700">请登录下单时的账号，或用订单号和手机号查询。</p>
        <IntentLink
          href="/orders"
          className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          查询订单
        </IntentLink>
      </Card>
    );
  }
  const payUrl = access === 'act' && order.status === 'pending_payment' ? await continuePayUrl(order.orderNo) : null;
  const [after, recipients] = await Promise.all([
    afterSalesOfOrder({ orderId: order.id }),
    maskedRecipients({ orderId: order.id }),
  ]);
  return (
    <>
      {payUrl ? (
        <ButtonLink href={payUrl} className="mb-4">
          继续支付
        </ButtonLink>
      ) : null}
      <OrderDetail order={order} showPersonal={owner} />
      {recipients.length ? (
        <Card className="mt-4">
          <OrderRecipients parcels={recipients} />
        </Card>
      ) : null}
      <div className="mt-4">
        <OrderAfterSales order={order} {...after} canAct={access === 'act'} now={new Date()} />
      </div>
    </>
  );
}
