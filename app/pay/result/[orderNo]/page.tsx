import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { PayResult } from '@/components/orders/pay-result';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { optionalUser } from '@/lib/auth/guards';
import { orderAccessWith } from '@/lib/orders/access';
import { getOrderView } from '@/lib/orders/order-view';
import { isValidPayCapability } from '@/lib/payments/pay-link';
import { checkPendingPayment, continuePayUrl } from '@/lib/payments/resume';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '支付结果', robots: { index: false } };

type Props = {
  params: Promise<{ orderNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default function PayResultPage(props: Props) {
  return (
    <div className="mx-auto max-w-md px-4 py-8">
      <h1 className="sr-only">支付结果</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Result {...props} />
      </Suspense>
    </div>
  );
}

/**
 * Who may see it: the order's buyer (session, checkout cookie), a browser holding the guest lookup's view
 * grant (read only: no 继续支付), or the holder of the payUrl's capability (?cap=). Never the number alone.
 */
async function Result({ params, searchParams }: Props) {
  const { orderNo } = await params;
  const q = await searchParams;
  const cap = typeof q.cap === 'string' ? q.cap : '';
  if (!orderNoSchema.safeParse(orderNo).success) notFound();
  const seen = await getOrderView({ orderNo });
  if (!seen) notFound();
  const user = await optionalUser();
  const access = orderAccessWith(seen, { userId: user?.id }, await cookies());
  const capable = isValidPayCapability(orderNo, cap);
  if (!access && !capable) notFound();
  const state = await checkPendingPayment(orderNo);
  const order = (await getOrderView({ orderNo })) ?? seen;
  const mayPay = access === 'act' || capable;
  const payUrl = state === 'pending' && mayPay ? await continuePayUrl(orderNo) : null;
  return <PayResult order={order} state={state} payUrl={payUrl} orderHref={access ? `/orders/${orderNo}` : null} />;
}
