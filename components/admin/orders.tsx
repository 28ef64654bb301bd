import { IntentLink } from '@/components/layout/intent-link';
import type { listOrdersForAdmin } from '@/db/queries/orders';
import { PAYMENT_METHOD_LABELS } from '@/domain/labels';
import { awaitsPayment, heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS, type OrderStatus } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { progressLabel } from '@/domain/recipient-shipping';
import { adminCancelOrderAction, adminRefundOrderAction } from '@/lib/actions/admin-orders';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { Folded } from '../ui/folded';
import { Money } from '../ui/money';
import { Notice } from '../ui/notice';
import { hiddenField, yuanInput } from '../forms/fields';

type Order = Awaited<ReturnType<typeof listOrdersForAdmin>>[number];

const FILTERS = [
  'pending_payment',
  'paid',
  'shipped',
  'cancelled',
  'expired',
  'partially_refunded',
  'refunded',
] as const;

function Filter({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <IntentLink
      href={href}
      aria-current={current ? 'page' : undefined}
      className="flex min-h-11 items-center rounded-md px-3 ring-1 ring-neutral-200 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
    >
      {children}
    </IntentLink>
  );
}

/**
 * Orders by status, each with the office's cancel form (unpaid, holding no money) or refund form (any
 * order holding money) folded away. The refund form carries its own request id: submitted twice, it
 * refunds once.
 */
export function AdminOrders({ orders, status }: { orders: Order[]; status?: OrderStatus }) {
  return (
    <div className="space-y-3">
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-1 text-sm">
        <Filter href="/admin/orders" current={!status}>
          全部
        </Filter>
        {FILTERS.map((s) => (
          <Filter key={s} href={`/admin/orders?status=${s}`} current={status === s}>
            {ORDER_STATUS_LABELS[s]}
          </Filter>
        ))}
      </nav>
      {orders.length ? null : <p className="text-neutral-700">没有符合条件的订单。</p>}
      <ul className="space-y-2">
        {orders.map((o) => (
          <Card as="li" key={o.id} padding="sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <IntentLink
                href={`/orders/${o.orderNo}`}
                className="font-medium text-brand-700 underline underline-offset-2"
              >
                {o.orderNo}
              </IntentLink>
              <span className="text-sm">
                {ORDER_STATUS_LABELS[o.status]}
                {o.status !== 'pending_payment' && awaitsPayment(o) ? ' · 待付款（先货后款）' : ''}
              </span>
            </div>
            <p className="text-sm text-neutral-700">
              {formatChinaDateTime(o.createdAt)} · 合计 <Money fen={o.totalFen} /> · 已付 <Money fen={o.paidFen} /> ·
              已退 <Money fen={o.refundedFen} /> · {PAYMENT_METHOD_LABELS[o.paymentMethod]}
              {o.parcelsTotal
                ? ` · 收货人 ${o.parcelsTotal} 人，${progressLabel({ shipped: o.parcelsShipped, total: o.parcelsTotal })}`
                : ''}
            </p>
            {o.status === 'pending_payment' && heldFen(o) > 0n ? (
              <Notice tone="warning" quiet className="mt-2">
                已收款 <Money fen={heldFen(o)} />
                ，取消前请先退款，或确认余款到账。
              </Notice>
            ) : null}
            {o.status === 'pending_payment' && heldFen(o) === 0n ? (
              <Folded summary="取消订单…">
                <ActionForm
                  idPrefix={`c${o.id}-`}
                  action={adminCancelOrderAction}
                  submitLabel="取消订单"
                  fields={[hiddenField('orderNo', o.orderNo), { name: 'reason', label: '取消原因' }]}
                />
              </Folded>
            ) : null}
            {heldFen(o) > 0n ? (
              <Folded summary="退款…">
                <ActionForm
                  idPrefix={`r${o.id}-`}
                  action={adminRefundOrderAction}
                  submitLabel="退款"
                  fields={[
                    hiddenField('orderNo', o.orderNo),
                    hiddenField('requestId', crypto.randomUUID()),
                    yuanInput('amount', '退款金额（元）', heldFen(o)),
                  ]}
                />
              </Folded>
            ) : null}
          </Card>
        ))}
      </ul>
    </div>
  );
}
