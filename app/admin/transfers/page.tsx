import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { Money } from '@/components/ui/money';
import { listTransfersAwaiting } from '@/db/queries/unit-orders';
import { confirmTransferAction } from '@/lib/actions/payments';
import { adminPageUser } from '@/lib/auth/admin-page';
import { fenToYuanText } from '@/domain/money';
import { balanceDue, heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '对公转账', robots: { index: false } };

export default function AdminTransfersPage() {
  return (
    <AdminShell title="对公转账">
      <Transfers />
    </AdminShell>
  );
}

async function Transfers() {
  if (!(await adminPageUser('/admin/transfers'))) return <Forbidden message="只有消费扶贫办公室可以确认到账。" />;
  const rows = await listTransfersAwaiting();
  if (!rows.length) return <p className="text-neutral-700">没有等待到账的对公转账订单。</p>;
  const now = Date.now();
  return (
    <ul className="space-y-3">
      {rows.map((r) => (
        <li key={r.orderNo} className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
          <p className="font-medium">
            {r.unitName} · {r.orderNo}
            {r.status !== 'pending_payment' ? ` · ${ORDER_STATUS_LABELS[r.status]}（先货后款）` : ''}
          </p>
          <p className="text-sm text-neutral-700">
            识别码 <strong className="tabular">{r.transferReference}</strong> · 应付 <Money fen={r.totalFen} /> · 已到账{' '}
            <Money fen={heldFen(r)} />
            {r.dueAt ? ` · 到期 ${formatChinaDateTime(r.dueAt).slice(0, 10)}` : ''}
            {r.dueAt && r.dueAt.getTime() < now ? <strong className="text-brand-700">（已逾期）</strong> : null}
          </p>
          <ActionForm
            idPrefix={`t${r.orderNo}-`}
            action={confirmTransferAction}
            submitLabel="确认到账"
            className="mt-2"
            fields={[
              { name: 'orderNo', label: '', type: 'hidden', defaultValue: r.orderNo },
              { name: 'requestId', label: '', type: 'hidden', defaultValue: randomUUID() },
              {
                name: 'amount',
                label: '实际到账金额（元）',
                inputMode: 'decimal',
                defaultValue: fenToYuanText(balanceDue(r)),
                hint: '超出应付余额的部分记入待处理款项',
              },
            ]}
          />
        </li>
      ))}
    </ul>
  );
}
