import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { ActionForm } from '@/components/forms/action-form';
import { Money } from '@/components/ui/money';
import { listOrdersForUser } from '@/db/queries/orders';
import { lookupOrderAction } from '@/lib/actions/orders';
import { optionalUser } from '@/lib/auth/guards';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { Card, cardClass } from '@/components/ui/card';

export const metadata: Metadata = { title: '我的订单', robots: { index: false } };

export default function OrdersPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">我的订单</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Orders />
      </Suspense>
      <Card as="section" aria-labelledby="lookup" padding="md" className="mt-6">
        <h2 id="lookup" className="font-semibold">
          未登录下单？用订单号查询
        </h2>
        <ActionForm
          action={lookupOrderAction}
          submitLabel="查询订单"
          className="mt-2"
          fields={[
            { name: 'orderNo', label: '订单号', placeholder: 'GJ20261129-000001' },
            { name: 'mobile', label: '下单手机号', type: 'tel', inputMode: 'tel' },
          ]}
        />
      </Card>
    </div>
  );
}

async function Orders() {
  const user = await optionalUser();
  if (!user) {
    return (
      <p className={`p-4 ${cardClass}`}>
        <IntentLink href="/login?next=/orders" className="font-medium text-brand-700 underline underline-offset-2">
          登录
        </IntentLink>
        后查看全部订单。
      </p>
    );
  }
  const orders = await listOrdersForUser({ userId: user.id, limit: 100 });
  if (!orders.length) return <p className={`p-4 ${cardClass}`}>还没有订单。去挑选个旧的认定好物吧。</p>;
  return (
    <ul className={`divide-y divide-neutral-100 ${cardClass}`}>
      {orders.map((o) => (
        <li key={o.orderNo}>
          <IntentLink
            href={`/orders/${o.orderNo}`}
            className="flex flex-wrap items-center justify-between gap-2 p-4 hover:bg-neutral-50"
          >
            <span>
              <span className="block font-medium">{o.orderNo}</span>
              <span className="text-sm text-neutral-600">
                {formatChinaDateTime(o.createdAt)} · {o.lines} 种商品
              </span>
            </span>
            <span className="text-right">
              <Money fen={o.totalFen} className="block font-semibold" />
              <span className="text-sm">{ORDER_STATUS_LABELS[o.status]}</span>
            </span>
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}
