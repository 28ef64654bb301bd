import type { OrderView } from '@/lib/orders/order-view';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { Money } from '../ui/money';
import { Card } from '../ui/card';
import { Countdown } from './countdown';

type Order = NonNullable<OrderView>;

function timeline(o: Order): { label: string; at: Date | null; done: boolean }[] {
  const steps: { label: string; at: Date | null; done: boolean }[] = [{ label: '已下单', at: o.createdAt, done: true }];
  if (o.status === 'cancelled' || o.status === 'expired')
    return [...steps, { label: ORDER_STATUS_LABELS[o.status], at: o.cancelledAt, done: true }];
  steps.push({ label: '已付款', at: o.paidAt, done: !!o.paidAt });
  const shipped = o.shipments.length > 0;
  steps.push({ label: '已发货', at: o.shipments[0]?.at ?? null, done: shipped });
  steps.push({ label: '已签收', at: o.receivedAt, done: o.receivedAt !== null });
  if (o.refundedFen > 0n)
    steps.push({
      label: ORDER_STATUS_LABELS[o.status === 'refunded' ? 'refunded' : 'partially_refunded'],
      at: null,
      done: true,
    });
  return steps;
}

export function OrderDetail({ order, showPersonal }: { order: Order; showPersonal: boolean }) {
  return (
    <div className="space-y-4">
      <Card as="section" padding="md">
        <p className="text-sm text-neutral-600">订单号 {order.orderNo}</p>
        <p className="mt-1 text-xl font-semibold">{ORDER_STATUS_LABELS[order.status]}</p>
        {order.status === 'pending_payment' && order.expiresAt ? (
          <p className="text-sm text-amber-900">
            <Countdown
              deadline={order.expiresAt.toISOString()}
              fallback={`请在 ${formatChinaDateTime(order.expiresAt)} 前付款，逾期订单自动关闭并释放库存。`}
            />
          </p>
        ) : null}
        {order.cancelReason ? <p className="text-sm text-neutral-700">原因：{order.cancelReason}</p> : null}
        <ol aria-label="订单进度" className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {timeline(order).map((s) => (
            <li
              key={s.label}
              className={`rounded-lg p-2 text-sm ${s.done ? 'bg-cert-50 text-cert-800' : 'bg-neutral-100 text-neutral-600'}`}
            >
              <span className="block font-medium">{s.label}</span>
              <span className="text-xs tabular">{s.at ? formatChinaDateTime(s.at) : s.done ? '' : '未完成'}</span>
            </li>
          ))}
        </ol>
      </Card>
      <Card title="商品" titleId="items-h" padding="md">
        <ul className="mt-2 divide-y divide-neutral-100 text-sm">
          {order.items.map((i) => (
            <li key={i.id} className="flex justify-between gap-2 py-2">
              <span>
                {i.name}（{i.spec}）× {i.quantity}
                {i.certifiedAtSale ? <span className="ml-1 text-xs text-cert-800">认定 {i.certificateNo}</span> : null}
              </span>
              <Money fen={i.lineTotalFen} />
            </li>
          ))}
        </ul>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-1 border-t border-neutral-100 pt-2 text-sm">
          <dt>运费</dt>
          <dd>
            <Money fen={order.shippingFen} />
          </dd>
          <dt className="font-semibold">合计</dt>
          <dd className="font-semibold">
            <Money fen={order.totalFen} />
          </dd>
          {order.refundedFen > 0n ? (
            <>
              <dt>已退款</dt>
              <dd>
                <Money fen={order.refundedFen} />
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      {order.shipments.length ? (
        <Card title="物流" titleId="ship-h" padding="md">
          <ul className="mt-2 text-sm">
            {order.shipments.map((s) => (
              <li key={s.trackingNo}>
                {s.carrier} {s.trackingNo} · {formatChinaDateTime(s.at)}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="收货信息" titleId="addr-h" padding="md" className="text-sm">
        <p className="mt-1">
          {showPersonal ? order.contact.name : order.contact.nameMasked}{' '}
          {showPersonal ? order.contact.mobile : order.contact.mobileMasked}
        </p>
        <p>
          {order.address.province} {order.address.city} {order.address.district}{' '}
          {showPersonal ? order.address.detail : '（详细地址已隐藏）'}
        </p>
        {order.invoice ? (
          <p className="mt-1">
            发票：{order.invoice.title}
            {order.invoice.taxNo ? `（${order.invoice.taxNo}）` : ''}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
