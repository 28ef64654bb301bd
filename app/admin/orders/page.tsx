import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { Money } from '@/components/ui/money';
import { listOrdersForAdmin } from '@/db/queries/orders';
import { adminCancelOrderAction, adminRefundOrderAction } from '@/lib/actions/admin-orders';
import { adminPageUser } from '@/lib/auth/admin-page';
import { PAYMENT_METHOD_LABELS } from '@/domain/labels';
import { heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderStatus } from '@/domain/order-state';
import { fenToYuanText } from '@/domain/money';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '订单', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function AdminOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <AdminShell title="订单">
      <Orders searchParams={searchParams} />
    </AdminShell>
  );
}

async function Orders({ searchParams }: { searchParams: SearchParams }) {
  if (!(await adminPageUser('/admin/orders'))) return <Forbidden message="只有消费扶贫办公室可以管理订单。" />;
  const raw = (await searchParams).status;
  const status = ORDER_STATUSES.find((s) => s === raw) as OrderStatus | undefined;
  const orders = await listOrdersForAdmin({ status, limit: 200 });
  return (
    <div className="space-y-3">
      <nav aria-label="按状态筛选" className="flex flex-wrap gap-1 text-sm">
        <Link
          href="/admin/orders"
          aria-current={!status ? 'page' : undefined}
          className="flex min-h-11 items-center rounded-md px-3 ring-1 ring-neutral-200 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
        >
          全部
        </Link>
        {(
          ['pending_payment', 'paid', 'shipped', 'cancelled', 'expired', 'partially_refunded', 'refunded'] as const
        ).map((s) => (
          <Link
            key={s}
            href={`/admin/orders?status=${s}`}
            aria-current={status === s ? 'page' : undefined}
            className="flex min-h-11 items-center rounded-md px-3 ring-1 ring-neutral-200 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
          >
            {ORDER_STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      {orders.length ? null : <p className="text-neutral-700">没有符合条件的订单。</p>}
      <ul className="space-y-2">
        {orders.map((o) => (
          <li key={o.id} className="rounded-xl bg-white p-3 ring-1 ring-neutral-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/orders/${o.orderNo}`} className="font-medium text-brand-700 underline underline-offset-2">
                {o.orderNo}
              </Link>
              <span className="text-sm">{ORDER_STATUS_LABELS[o.status as OrderStatus]}</span>
            </div>
            <p className="text-sm text-neutral-700">
              {formatChinaDateTime(o.createdAt)} · 合计 <Money fen={o.totalFen} /> · 已付 <Money fen={o.paidFen} /> ·
              已退 <Money fen={o.refundedFen} /> · {PAYMENT_METHOD_LABELS[o.paymentMethod]}
            </p>
            {o.status === 'pending_payment' && heldFen(o) > 0n ? (
              <p className="mt-1 text-sm text-amber-900">
                已收款 <Money fen={heldFen(o)} />
                ，取消前请先退款，或确认余款到账。
              </p>
            ) : null}
            {o.status === 'pending_payment' && heldFen(o) === 0n ? (
              <details className="mt-1">
                <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                  取消订单…
                </summary>
                <ActionForm
                  idPrefix={`c${o.id}-`}
                  action={adminCancelOrderAction}
                  submitLabel="取消订单"
                  fields={[
                    { name: 'orderNo', label: '', type: 'hidden', defaultValue: o.orderNo },
                    { name: 'reason', label: '取消原因' },
                  ]}
                />
              </details>
            ) : null}
            {heldFen(o) > 0n ? (
              <details className="mt-1">
                <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                  退款…
                </summary>
                <ActionForm
                  idPrefix={`r${o.id}-`}
                  action={adminRefundOrderAction}
                  submitLabel="退款"
                  fields={[
                    { name: 'orderNo', label: '', type: 'hidden', defaultValue: o.orderNo },
                    { name: 'requestId', label: '', type: 'hidden', defaultValue: randomUUID() },
                    {
                      name: 'amount',
                      label: '退款金额（元）',
                      inputMode: 'decimal',
                      defaultValue: fenToYuanText(heldFen(o)),
                    },
                  ]}
                />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
