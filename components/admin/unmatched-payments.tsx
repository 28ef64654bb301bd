import { IntentLink } from '@/components/layout/intent-link';
import type { UnmatchedRow } from '@/db/queries/payments';
import { applyUnmatchedAction, refundUnmatchedAction } from '@/lib/actions/payments';
import { PAYMENT_METHOD_LABELS } from '@/domain/labels';
import { applicability, formatMoney, UNMATCHED_REASON_LABELS, type UnmatchedReason } from '@/domain/money-movements';
import { formatChinaDateTime } from '@/domain/time';
import { ButtonForm } from '../forms/confirm-button-form';
import { Card } from '../ui/card';
import { Notice } from '../ui/notice';

/** true when the money can be applied to its order now, otherwise why not (domain/money-movements). */
function applicable(r: UnmatchedRow): true | string {
  if (r.remainingFen !== r.amountFen) return '已部分退款，请退还余下部分';
  const a = applicability({ order: r.order, amountFen: r.amountFen, currency: r.currency });
  return a.ok ? true : a.message;
}

/**
 * 待处理款项: money received that no order took, oldest first, with its total per currency (a sum of the
 * rows shown). Each can be applied to its order or refunded through the way it came.
 */
export function UnmatchedPayments({ rows }: { rows: UnmatchedRow[] }) {
  if (!rows.length)
    return (
      <Notice tone="success" quiet>
        没有待处理款项：每一笔到账都已计入订单或退回。
      </Notice>
    );
  const totals = new Map<string, bigint>();
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0n) + r.remainingFen);
  return (
    <div className="space-y-3">
      <p className="text-sm text-neutral-700" data-testid="unmatched-total">
        共 {rows.length} 笔，合计{' '}
        {[...totals].map(([c, fen]) => (
          <strong key={c} className="tabular">
            {formatMoney(fen, c)}{' '}
          </strong>
        ))}
      </p>
      <ul className="space-y-2">
        {rows.map((r) => (
          <Card as="li" key={r.id} padding="sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <strong className="text-lg tabular">{formatMoney(r.remainingFen, r.currency)}</strong>
              <span className="text-sm">{UNMATCHED_REASON_LABELS[r.reason as UnmatchedReason] ?? '待处理'}</span>
            </div>
            <p className="text-sm text-neutral-700">
              {formatChinaDateTime(r.createdAt)} · {PAYMENT_METHOD_LABELS[r.provider]} ·{' '}
              <span className="break-all">{r.externalRef}</span>
              {r.remainingFen !== r.amountFen ? ` · 原额 ${formatMoney(r.amountFen, r.currency)}` : ''}
            </p>
            <p className="text-sm">
              {r.orderNo ? (
                <>
                  订单{' '}
                  <IntentLink
                    href={`/orders/${r.orderNo}`}
                    className="font-medium text-brand-700 underline underline-offset-2"
                  >
                    {r.orderNo}
                  </IntentLink>
                </>
              ) : (
                <>付款方给出的订单号：{r.givenOrderRef ?? '（无）'}</>
              )}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              {applicable(r) === true ? (
                <ButtonForm
                  action={applyUnmatchedAction}
                  values={{ movementId: r.id }}
                  label="计入订单"
                  accessibleLabel={`把 ${formatMoney(r.amountFen, r.currency)} 计入订单 ${r.orderNo}`}
                />
              ) : (
                <span className="text-sm text-neutral-700">{applicable(r)}</span>
              )}
              <ButtonForm
                action={refundUnmatchedAction}
                values={{ movementId: r.id }}
                label="退款"
                variant="danger"
                accessibleLabel={`退还 ${formatMoney(r.remainingFen, r.currency)}（${r.externalRef}）`}
              />
            </div>
          </Card>
        ))}
      </ul>
    </div>
  );
}
