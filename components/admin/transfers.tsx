import type { listTransfersAwaiting } from '@/db/queries/unit-orders';
import { formatChinaDateTime } from '@/domain/time';
import { confirmTransferAction } from '@/lib/actions/unit-orders';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { hiddenField, yuanInput } from '../forms/fields';

type Transfer = Awaited<ReturnType<typeof listTransfersAwaiting>>[number];

/** Unit orders waiting for their bank transfer, each with 确认到账 for the amount received. */
export function TransfersAwaiting({ rows, now }: { rows: Transfer[]; now: number }) {
  if (!rows.length) return <p className="text-neutral-700">没有等待到账的对公转账订单。</p>;
  return (
    <ul className="space-y-3">
      {rows.map((r) => (
        <Card as="li" key={r.orderNo} padding="md">
          <p className="font-medium">
            {r.unitName} · {r.orderNo}
          </p>
          <p className="text-sm text-neutral-700">
            识别码 <strong className="tabular">{r.transferReference}</strong> · 应付 <Money fen={r.totalFen} /> · 已到账{' '}
            <Money fen={r.paidFen} />
            {r.dueAt ? ` · 到期 ${formatChinaDateTime(r.dueAt).slice(0, 10)}` : ''}
            {r.dueAt && r.dueAt.getTime() < now ? <strong className="text-brand-700">（已逾期）</strong> : null}
          </p>
          <ActionForm
            idPrefix={`t${r.orderNo}-`}
            action={confirmTransferAction}
            submitLabel="确认到账"
            className="mt-2"
            fields={[
              hiddenField('orderNo', r.orderNo),
              yuanInput('amount', '实际到账金额（元）', r.totalFen - r.paidFen),
            ]}
          />
        </Card>
      ))}
    </ul>
  );
}
