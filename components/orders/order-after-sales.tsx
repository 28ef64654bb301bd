import type { OrderView } from '@/lib/orders/order-view';
import type { AfterSalesCaseView } from '@/lib/after-sales/view';
import type { OrderEventRow } from '@/db/queries/after-sales';
import { confirmReceiptAction, requestAfterSalesAction, shipReturnAction } from '@/lib/actions/after-sales';
import {
  AFTER_SALES_CLASS_LABELS,
  AFTER_SALES_KIND_LABELS,
  AFTER_SALES_KINDS,
  AFTER_SALES_REASON_LABELS,
  AFTER_SALES_REASONS,
  afterSalesWindowEnd,
  MAX_AFTER_SALES_PHOTOS,
} from '@/domain/after-sales';
import { canConfirmReceipt } from '@/domain/receipt';
import { formatChinaDateTime } from '@/domain/time';
import { CaseCard } from '../after-sales/case-card';
import { ActionForm } from '../forms/action-form';
import { ButtonForm } from '../forms/confirm-button-form';
import { hiddenField } from '../forms/fields';
import { Card } from '../ui/card';
import { Folded } from '../ui/folded';

type Order = NonNullable<OrderView>;

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

/**
 * 确认收货 and 售后 on the order page, for whoever may act on the order (the buyer); the timeline of
 * receipt and after-sales steps for everyone who sees it.
 */
export function OrderAfterSales({
  order,
  cases,
  events,
  canAct,
  fullyShipped,
  now,
}: {
  order: Order;
  cases: AfterSalesCaseView[];
  events: OrderEventRow[];
  canAct: boolean;
  fullyShipped: boolean;
  now: Date;
}) {
  const receiptDue = canAct && canConfirmReceipt({ status: order.status, receivedAt: order.receivedAt, fullyShipped });
  const windowEnd = order.receivedAt ? afterSalesWindowEnd(order.receivedAt) : null;
  const open = canAct && windowEnd !== null && now <= windowEnd && order.paidAt !== null && order.status !== 'refunded';
  const caseOf = (itemId: string) => cases.find((c) => String(c.case.orderItemId) === itemId);
  const askable = open ? order.items.filter((i) => !caseOf(i.id)) : [];
  if (!receiptDue && !cases.length && !events.length && !askable.length) return null;
  return (
    <Card title="收货与售后" titleId="after-h" padding="md" className="space-y-3">
      {receiptDue ? (
        <div className="space-y-1">
          <p className="text-sm text-neutral-700">
            收到商品了吗？确认收货后 7 天内可申请售后；发货 10 天后系统自动确认收货。
          </p>
          <ButtonForm action={confirmReceiptAction} values={{ orderNo: order.orderNo }} label="确认收货" />
        </div>
      ) : null}
      {windowEnd ? (
        <p className="text-sm text-neutral-700">
          已于 {formatChinaDateTime(order.receivedAt!)} 确认收货；售后申请期限至 {formatChinaDateTime(windowEnd)}。
        </p>
      ) : null}
      {askable.map((i) => (
        <Folded key={i.id} summary={`申请售后：${i.name}`}>
          <p className="mt-1 text-sm text-neutral-700">{AFTER_SALES_CLASS_LABELS[i.afterSalesClass]}</p>
          <ActionForm
            idPrefix={`as-${i.id}-`}
            action={requestAfterSalesAction}
            submitLabel="申请售后"
            className="mt-2"
            fields={[
              hiddenField('orderNo', order.orderNo),
              hiddenField('orderItemId', i.id),
              {
                name: 'kind',
                label: '售后类型',
                type: 'select',
                options: options(AFTER_SALES_KINDS, AFTER_SALES_KIND_LABELS),
              },
              {
                name: 'reason',
                label: '原因',
                type: 'select',
                options: options(AFTER_SALES_REASONS, AFTER_SALES_REASON_LABELS),
              },
              {
                name: 'quantity',
                label: '数量',
                inputMode: 'numeric',
                defaultValue: String(i.quantity),
                hint: `最多 ${i.quantity} 件`,
              },
              { name: 'description', label: '问题描述', type: 'textarea', rows: 3 },
              {
                name: 'photos',
                label: `照片（最多 ${MAX_AFTER_SALES_PHOTOS} 张）`,
                type: 'file',
                accept: 'image/jpeg,image/png,image/webp',
                multiple: true,
                hint: 'JPEG、PNG 或 WebP，每张不超过 5 MB',
                wide: true,
              },
            ]}
          />
        </Folded>
      ))}
      {cases.map((c) => (
        <CaseCard key={c.case.id} c={c}>
          {canAct && c.case.status === 'awaiting_return' ? (
            <ActionForm
              idPrefix={`ret-${c.case.id}-`}
              action={shipReturnAction}
              submitLabel="提交退货物流"
              fields={[
                hiddenField('orderNo', order.orderNo),
                hiddenField('caseId', c.case.id),
                { name: 'carrier', label: '快递公司', defaultValue: '' },
                { name: 'trackingNo', label: '快递单号', inputMode: 'text' },
              ]}
            />
          ) : null}
        </CaseCard>
      ))}
      {events.length ? (
        <ol aria-label="售后进度" className="space-y-1 border-t border-neutral-100 pt-2 text-sm">
          {events.map((e) => (
            <li key={String(e.id)} className="grid grid-cols-[auto_1fr] gap-x-3">
              <span className="text-neutral-600 tabular">{formatChinaDateTime(e.at)}</span>
              <span>
                {e.action}
                {e.note ? `：${e.note}` : ''}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
