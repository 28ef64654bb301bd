import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { Forbidden } from '@/components/auth/forbidden';
import { OrderRecipients } from '@/components/orders/order-recipients';
import { Card } from '@/components/ui/card';
import { PageHeading } from '@/components/ui/page-heading';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { pageUser } from '@/lib/auth/page-guard';
import { getOrderView } from '@/lib/orders/order-view';
import { maskedRecipients } from '@/lib/orders/recipients';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '收货人与发货', robots: { index: false } };

type Params = Promise<{ orderNo: string }>;

export default function UnitRecipientsPage({ params }: { params: Params }) {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <Suspense fallback={<PageSkeleton />}>
        <Recipients params={params} />
      </Suspense>
    </div>
  );
}

/** A unit order's recipients and each one's parcel, for the unit's members and the programme office (masked). */
async function Recipients({ params }: { params: Params }) {
  const { orderNo } = await params;
  const user = await pageUser(`/unit/orders/${encodeURIComponent(orderNo)}/recipients`);
  const order = orderNoSchema.safeParse(orderNo).success ? await getOrderView({ orderNo }) : null;
  if (!order || !order.unitId) return <Forbidden message="采购单不存在" />;
  if (user.role !== 'admin' && !user.unitMemberships.some((m) => m.unitId === order.unitId))
    return <Forbidden message="只有本单位成员和消费扶贫办公室可以查看该采购单" />;
  const parcels = await maskedRecipients({ orderId: order.id });
  return (
    <div className="space-y-4">
      <p>
        <IntentLink
          href="/unit"
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
        >
          ← 单位采购
        </IntentLink>
      </p>
      <PageHeading title={`采购单 ${order.orderNo}`}>
        <IntentLink
          href={`/unit/orders/${order.orderNo}/print`}
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
        >
          打印采购单
        </IntentLink>
      </PageHeading>
      <p className="text-sm text-neutral-700">状态 {ORDER_STATUS_LABELS[order.status]}</p>
      <Card>
        {parcels.length ? (
          <OrderRecipients parcels={parcels} />
        ) : (
          <p className="text-neutral-700">该采购单没有分收货人发货，寄往下单时填写的联系地址。</p>
        )}
      </Card>
    </div>
  );
}
