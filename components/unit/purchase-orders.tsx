import { IntentLink } from '@/components/layout/intent-link';
import { DeliveryLine } from './delivery-line';
import type { UnitOrderRow } from '@/db/queries/unit-orders';
import { reorderAction } from '@/lib/actions/unit-orders';
import { formatBps, progressBps } from '@/domain/money';
import { awaitsPayment, heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { ButtonForm } from '../forms/confirm-button-form';
import { buttonClass } from '../ui/button';
import { Money } from '../ui/money';
import { TargetProgressBar } from '../ui/target-progress';

export function PurchaseOrders({
  orders,
  me,
  canApprove,
  canBuy,
  unitId,
  simulator,
}: {
  orders: UnitOrderRow[];
  me: string;
  canApprove: boolean;
  canBuy: boolean;
  unitId: string;
  simulator: boolean;
}) {
  if (!orders.length) return <p className="text-neutral-700">还没有采购单。用上面的表单按商品编码或表格批量下单。</p>;
  const now = Date.now();
  return (
    <ul className="space-y-2">
      {orders.map((o) => {
        const awaiting = awaitsPayment(o) && o.status !== 'pending_approval';
        const overdue = awaiting && o.dueAt && o.dueAt.getTime() < now;
        const held = heldFen(o);
        return (
          <li key={o.id} className="rounded-lg p-3 ring-1 ring-neutral-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">{o.orderNo}</span>
              <span className={`text-sm font-medium ${overdue ? 'text-brand-700' : ''}`}>
                {ORDER_STATUS_LABELS[o.status]}
                {awaiting && o.status !== 'pending_payment' ? ' · 待付款' : ''}
                {overdue ? '（已逾期）' : ''}
              </span>
            </div>
            <p className="text-sm text-neutral-700">
              {formatChinaDateTime(o.createdAt)} · <Money fen={o.totalFen} />
              {held > 0n && awaiting ? (
                <>
                  {' '}
                  · 已到账 <Money fen={held} />
                </>
              ) : null}
              {o.roundName ? ` · ${o.roundName}` : ''}
              {o.paymentTerms === 'pay_later' ? ' · 先货后款' : ''}
            </p>
            <DeliveryLine orderNo={o.orderNo} shipped={o.parcelsShipped} total={o.parcelsTotal} />
            {awaiting && o.transferReference ? (
              <p className="text-sm">
                转账识别码 <strong className="tabular">{o.transferReference}</strong>
                {o.dueAt ? `，请于 ${formatChinaDateTime(o.dueAt).slice(0, 10)} 前转账` : ''}
              </p>
            ) : null}
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <IntentLink
                href={`/unit/orders/${o.orderNo}/print`}
                className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
              >
                打印采购单
              </IntentLink>
              {o.status === 'pending_approval' && canApprove && o.userId !== me && !o.officeApproval ? (
                <IntentLink href={`/unit/orders/${o.orderNo}`} className={buttonClass({ size: 'sm' })}>
                  查看明细并审批<span className="sr-only"> {o.orderNo}</span>
                </IntentLink>
              ) : (
                <IntentLink
                  href={`/unit/orders/${o.orderNo}`}
                  className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
                >
                  {awaiting && o.transferReference ? '查看收款账户并转账' : '查看明细'}
                  <span className="sr-only"> {o.orderNo}</span>
                </IntentLink>
              )}
              {o.status === 'pending_approval' && (o.userId === me || o.officeApproval) ? (
                <span className="text-sm text-neutral-600">
                  {o.officeApproval ? '等待消费扶贫办公室审批' : '等待审批人审批'}
                </span>
              ) : null}
              {awaiting && o.userId === me && simulator ? (
                <IntentLink
                  href={`/pay/simulated/${o.orderNo}`}
                  className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
                >
                  在线支付
                </IntentLink>
              ) : null}
              {canBuy ? (
                <ButtonForm
                  action={reorderAction}
                  values={{ unitId, orderNo: o.orderNo }}
                  label="再来一单"
                  variant="secondary"
                  accessibleLabel={`按 ${o.orderNo} 再来一单`}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function PledgeBar({ pledgeFen, paidFen, year }: { pledgeFen: bigint | null; paidFen: bigint; year: number }) {
  if (!pledgeFen) return <p className="text-sm text-neutral-700">{year} 年尚未设定认购目标，请联系消费扶贫办公室。</p>;
  const bps = progressBps(paidFen, pledgeFen);
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-bold text-brand-700" data-testid="pledge-paid">
          <Money fen={paidFen} />
        </span>
        <span className="text-neutral-700">
          / {year} 年认购目标 <Money fen={pledgeFen} />
        </span>
      </p>
      <TargetProgressBar bps={bps} label="认购目标完成比例" />
      <p className="mt-1 text-sm text-neutral-700">已完成 {formatBps(bps)}（已付款的采购，扣除退款）</p>
    </div>
  );
}
