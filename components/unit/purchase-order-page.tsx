import { IntentLink } from '@/components/layout/intent-link';
import type { purchaseOrderForViewer } from '@/lib/orders/purchase-orders';
import { decidePurchaseOrderAction } from '@/lib/actions/unit-orders';
import { capitalAmount } from '@/domain/capital-amount';
import { formatFen } from '@/domain/money';
import { awaitsPayment, balanceDue } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import type { Payee } from '@/domain/payee';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { Notice } from '../ui/notice';
import { DecisionPanel } from './decision-panel';
import { PayeeDetails } from './payee-details';
import { PurchaseFactsView } from './purchase-facts';
import { ReceiptPanel } from './receipt-panel';
import { OrderRecipients } from '../orders/order-recipients';

type View = NonNullable<Awaited<ReturnType<typeof purchaseOrderForViewer>>>;

/** The unit's purchase order: status, the facts, the decision (for an approver who may), the transfer. */
export function PurchaseOrderPage({ view, payee }: { view: View; payee: Payee }) {
  const { order: o, facts, decides, receipt, lastShippedAt, parcels } = view;
  const awaiting = awaitsPayment(o) && o.status !== 'pending_approval' && o.paymentMethod === 'bank_transfer';
  const due = balanceDue(o);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <strong className="rounded-md bg-neutral-100 px-2 py-0.5">{ORDER_STATUS_LABELS[o.status]}</strong>
        <span className="text-sm text-neutral-700">提交于 {formatChinaDateTime(o.createdAt)}</span>
        <IntentLink
          href={`/unit/orders/${o.orderNo}/print`}
          className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
        >
          打印采购单
        </IntentLink>
      </p>
      {o.status === 'cancelled' && o.rejectReason ? (
        <Notice tone="error" quiet>
          已驳回：{o.rejectReason}
        </Notice>
      ) : null}
      {awaiting ? (
        <Card title="对公转账" titleId="transfer-h">
          <p className="mt-1 text-sm text-neutral-700">
            已审批，请按下面的账户转账
            {o.dueAt ? `，${formatChinaDateTime(o.dueAt).slice(0, 10)} 前到账` : ''}。
          </p>
          <div className="mt-2">
            <PayeeDetails payee={payee} reference={o.transferReference} amountFen={due} />
          </div>
        </Card>
      ) : null}
      <ReceiptPanel orderNo={o.orderNo} status={o.status} receipt={receipt} lastShippedAt={lastShippedAt} />
      <Card title="采购明细" titleId="facts-h">
        <div className="mt-3">
          <PurchaseFactsView facts={facts} />
        </div>
      </Card>
      {parcels.length ? (
        <Card>
          <OrderRecipients parcels={parcels} />
        </Card>
      ) : null}
      <Card title="审批" titleId="decide-h">
        <div className="mt-3">
          {o.status !== 'pending_approval' ? (
            <p className="text-sm" data-testid="decision">
              {o.decidedAt
                ? `${o.rejectReason ? '已驳回' : '已通过'}（${formatChinaDateTime(o.decidedAt)}）`
                : ORDER_STATUS_LABELS[o.status]}
            </p>
          ) : decides === 'unit' ? (
            <DecisionPanel
              action={decidePurchaseOrderAction}
              orderNo={o.orderNo}
              totalText={formatFen(o.totalFen)}
              capitalText={capitalAmount(o.totalFen)}
            />
          ) : (
            <p className="text-sm text-neutral-700">
              {o.officeApproval
                ? '本单位没有可审批此单的审批人，等待消费扶贫办公室审批。'
                : '等待本单位审批人审批（审批人不能审批自己或邀请、任命自己的成员提交的采购单）。'}
            </p>
          )}
        </div>
      </Card>
    </div>
  );
}
