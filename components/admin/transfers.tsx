import type { listTransfersAwaiting } from '@/db/queries/unit-orders';
import { formatChinaDateTime } from '@/domain/time';
import { balanceDue, heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { confirmTransferAction } from '@/lib/actions/payments';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { hiddenField, yuanInput } from '../forms/fields';

type Transfer = Awaited<ReturnType<typeof listTransfersAwaiting>>[number];

/**
 * Unit orders waiting for their bank transfer (pay-later ones too, shipped or not, until paid), each
 * with 确认到账 for the amount received; anything beyond the balance goes to 待处理款项. Each form
 * carries its own request id: submitted twice, the transfer is recorded once.
 */
export function TransfersAwaiting({ rows, now }: { rows: Transfer[]; now: number }) {
  if (!rows.length) return <p className="text-neutral-700">没有等待到账的对公转账订单。</p>;
  return (
    <ul className="space-y-3">
      {rows.map((r) => (
        <Card as="li" key={r.orderNo} padding="md">
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
              hiddenField('orderNo', r.orderNo),
              hiddenField('requestId', crypto.randomUUID()),
              { ...yuanInput('amount', '实际到账金额（元）', balanceDue(r)), hint: '超出应付余额的部分记入待处理款项' },
            ]}
          />
        </Card>
      ))}
    </ul>
  );
}
