import { IntentLink } from '@/components/layout/intent-link';
import type { OrderView } from '@/lib/orders/order-view';
import type { PaymentState } from '@/lib/payments/resume';
import { balanceDue, heldFen } from '@/domain/money-movements';
import { formatChinaDateTime } from '@/domain/time';
import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { Countdown } from './countdown';

type Order = NonNullable<OrderView>;

const link = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2';

/**
 * 支付结果: 支付成功 (what happens next, the order and more shopping), 待支付 (a countdown to the expiry
 * and 继续支付 for whoever may pay), or 支付未完成 (cancelled or expired, and why).
 */
export function PayResult({
  order,
  state,
  payUrl,
  orderHref,
}: {
  order: Order;
  state: PaymentState;
  payUrl: string | null;
  /** Where the order opens for this visitor (null: a capability holder sees this page only). */
  orderHref: string | null;
}) {
  const orderLink = orderHref ? (
    <IntentLink href={orderHref} className={link}>
      查看订单
    </IntentLink>
  ) : null;
  if (state === 'paid') {
    return (
      <Card className="text-center">
        <p className="text-5xl" aria-hidden="true">
          ✓
        </p>
        <h2 className="mt-2 text-2xl font-bold text-cert-800">支付成功</h2>
        <p className="mt-1 text-neutral-700">
          订单 {order.orderNo} 已付款 <Money fen={heldFen(order)} />
        </p>
        <ol className="mx-auto mt-4 max-w-sm space-y-1 text-left text-sm text-neutral-800">
          <li>1. 合作社或扶贫车间备货发货，发货后可在订单中查看物流。</li>
          <li>2. 收到商品后请确认收货；发货 10 天后系统自动确认。</li>
          <li>3. 确认收货后 7 天内可申请售后（退货退款或仅退款）。</li>
        </ol>
        <p className="mt-2 text-sm text-neutral-700">您的购买计入个旧市消费帮扶成效。</p>
        <div className="mt-4 flex flex-wrap justify-center gap-4">
          {orderHref ? <ButtonLink href={orderHref}>查看订单</ButtonLink> : null}
          <ButtonLink href="/products" variant="secondary">
            继续逛逛
          </ButtonLink>
        </div>
      </Card>
    );
  }
  if (state === 'pending') {
    return (
      <Card className="text-center">
        <h2 className="text-2xl font-bold">待支付</h2>
        <p className="mt-1 text-neutral-700">
          订单 {order.orderNo} 应付 <Money fen={balanceDue(order)} />
        </p>
        {order.expiresAt ? (
          <p className="mt-2 text-amber-900">
            <Countdown
              deadline={order.expiresAt.toISOString()}
              fallback={`请在 ${formatChinaDateTime(order.expiresAt)} 前付款，逾期订单自动关闭`}
            />
          </p>
        ) : null}
        <p className="mt-1 text-sm text-neutral-700">如已付款，支付结果可能稍有延迟，请稍后刷新本页。</p>
        <div className="mt-4 flex flex-wrap items-center justify-center gap-4">
          {payUrl ? <ButtonLink href={payUrl}>继续支付</ButtonLink> : null}
          {orderLink}
        </div>
      </Card>
    );
  }
  return (
    <Card className="text-center">
      <h2 className="text-2xl font-bold text-brand-800">支付未完成</h2>
      <p className="mt-1 text-neutral-700">
        订单 {order.orderNo} {order.status === 'expired' ? '超时未付款，已关闭' : '已取消'}
        {order.cancelReason ? `（${order.cancelReason}）` : ''}，库存已释放，没有扣款。
      </p>
      <div className="mt-4 flex flex-wrap items-center justify-center gap-4">
        <ButtonLink href="/products">重新选购</ButtonLink>
        {orderLink}
      </div>
    </Card>
  );
}
