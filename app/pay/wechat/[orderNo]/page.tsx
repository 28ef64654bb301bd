import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { WechatNativePay } from '@/components/orders/wechat-native-pay';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { optionalUser } from '@/lib/auth/guards';
import { errorName } from '@/lib/errors';
import { orderAccessWith } from '@/lib/orders/access';
import { getOrderView } from '@/lib/orders/order-view';
import { isValidPayCapability } from '@/lib/payments/pay-link';
import { checkPendingPayment } from '@/lib/payments/resume';
import { nativeCodeUrl } from '@/lib/payments/wechat';
import { wechatConfig } from '@/lib/payments/wechat-client';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '微信支付', robots: { index: false } };

type Props = {
  params: Promise<{ orderNo: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default function WechatPayPage(props: Props) {
  return (
    <div className="mx-auto max-w-md px-4 py-8">
      <h1 className="text-2xl font-bold">微信支付</h1>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>
          <Pay {...props} />
        </Suspense>
      </div>
    </div>
  );
}

/**
 * The Native QR code of an order's WeChat Pay trade, for its buyer (session, checkout cookie) or the
 * holder of its payUrl capability. The page reads the trade again on each refresh (every few seconds)
 * and goes to 支付结果 once it is paid or closed.
 */
async function Pay({ params, searchParams }: Props) {
  const { orderNo } = await params;
  const q = await searchParams;
  const cap = typeof q.cap === 'string' ? q.cap : '';
  if (!wechatConfig() || !orderNoSchema.safeParse(orderNo).success) notFound();
  const seen = await getOrderView({ orderNo });
  if (!seen || seen.paymentMethod !== 'wechat') notFound();
  const user = await optionalUser();
  const capable = isValidPayCapability(orderNo, cap);
  if (orderAccessWith(seen, { userId: user?.id }, await cookies()) !== 'act' && !capable) notFound();
  const result = `/pay/result/${orderNo}${capable ? `?cap=${encodeURIComponent(cap)}` : ''}`;
  const state = await checkPendingPayment(orderNo);
  if (state !== 'pending' || !seen.expiresAt) redirect(result);
  let codeUrl: string | null = null;
  try {
    codeUrl = await nativeCodeUrl({
      orderId: seen.id,
      orderNo,
      amountFen: seen.totalFen,
      expiresAt: seen.expiresAt,
    });
  } catch (e) {
    // An H5 trade (opened on a phone) has no QR code; or the gateway cannot be reached now.
    console.error('[wechat] code_url failed:', errorName(e));
  }
  return <WechatNativePay order={seen} codeUrl={codeUrl} resultHref={result} />;
}
