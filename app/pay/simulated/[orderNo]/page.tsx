import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { ButtonForm } from '@/components/forms/confirm-button-form';
import { Money } from '@/components/ui/money';
import { getOrderView } from '@/lib/orders/order-view';
import { cancelSimulatedPaymentAction, confirmSimulatedPaymentAction } from '@/lib/actions/orders';
import { optionalUser } from '@/lib/auth/guards';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { canAccessOrder } from '@/lib/orders/access';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { orderNoSchema } from '@/lib/validation/orders';
import { Card } from '@/components/ui/card';

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

async function Pay({ params, searchParams }: Props) {
  const { orderNo } = await params;
  const tokenParam = (await searchParams).token;
  const token = typeof tokenParam === 'string' ? tokenParam : '';
  if (!paymentSimulatorOn() || !orderNoSchema.safeParse(orderNo).success) notFound();
  const order = await getOrderView({ orderNo });
  const user = await optionalUser();
  if (!order || !(await canAccessOrder(order, { userId: user?.id, token }))) notFound();
  return (
    <Card>
      <p className="text-sm text-neutral-700">订单号 {order.orderNo}</p>
      <p className="mt-1 text-3xl font-bold text-brand-700">
        <Money fen={order.totalFen} />
      </p>
      <p className="mt-1 text-sm">状态：{ORDER_STATUS_LABELS[order.status]}</p>
      {order.status === 'pending_payment' ? (
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonForm action={confirmSimulatedPaymentAction} values={{ orderNo, token }} label="确认支付" />
          <ButtonForm
            action={cancelSimulatedPaymentAction}
            values={{ orderNo, token }}
            label="取消支付"
            variant="secondary"
          />
        </div>
      ) : (
        <a
          href={`/orders/${orderNo}`}
          className="mt-4 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          查看订单
        </a>
      )}
    </Card>
  );
}
