import type { officeApprovalQueue } from '@/lib/orders/purchase-orders';
import { formatChinaDateTime } from '@/domain/time';
import { officeDecidePurchaseOrderAction } from '@/lib/actions/unit-orders';
import { capitalAmount } from '@/domain/capital-amount';
import { formatFen } from '@/domain/money';
import { DecisionPanel } from '../unit/decision-panel';
import { PurchaseFactsView } from '../unit/purchase-facts';
import { Card } from '../ui/card';
import { Money } from '../ui/money';
import { Notice } from '../ui/notice';

type Row = Awaited<ReturnType<typeof officeApprovalQueue>>[number];

/**
 * 采购单审批 for the programme office: the purchase orders no approver of their unit may decide
 * (separation of duties), with 通过 / 驳回; below them, those still waiting for their unit's approver.
 */
export function OfficeApprovals({ rows }: { rows: Row[] }) {
  const mine = rows.filter((r) => r.officeDecides);
  const units = rows.filter((r) => !r.officeDecides);
  return (
    <div className="space-y-6">
      <section aria-labelledby="office-po">
        <h2 id="office-po" className="mb-2 text-lg font-semibold">
          待办公室审批（{mine.length}）
        </h2>
        {mine.length ? (
          <ul className="space-y-3">
            {mine.map((r) => (
              <Card as="li" key={r.orderNo} padding="md">
                <p className="font-medium">
                  {r.unitName} · <span className="tabular">{r.orderNo}</span>
                </p>
                <p className="text-sm text-neutral-700">
                  提交人 {r.submitterName ?? '—'} · <Money fen={r.totalFen} /> · 提交于{' '}
                  {formatChinaDateTime(r.createdAt)}
                  {r.expiresAt ? ` · 库存保留至 ${formatChinaDateTime(r.expiresAt)}` : ''}
                </p>
                <Notice tone="warning" quiet className="mt-2">
                  本单位没有可审批此单的审批人：审批人不能审批自己或邀请、任命自己的成员提交的采购单。
                </Notice>
                {r.facts ? (
                  <div className="mt-3">
                    <PurchaseFactsView facts={r.facts} idPrefix={`po-${r.orderNo}`} />
                  </div>
                ) : null}
                <div className="mt-3">
                  <DecisionPanel
                    action={officeDecidePurchaseOrderAction}
                    orderNo={r.orderNo}
                    totalText={formatFen(r.totalFen)}
                    capitalText={capitalAmount(r.totalFen)}
                  />
                </div>
              </Card>
            ))}
          </ul>
        ) : (
          <p className="text-neutral-700">没有需要办公室审批的采购单。单位审批人无法审批时，采购单会出现在这里。</p>
        )}
      </section>
      <section aria-labelledby="unit-po">
        <h2 id="unit-po" className="mb-2 text-lg font-semibold">
          等待单位审批人（{units.length}）
        </h2>
        {units.length ? (
          <ul className="divide-y divide-neutral-100 rounded-xl bg-white ring-1 ring-neutral-200">
            {units.map((r) => (
              <li key={r.orderNo} className="flex flex-wrap justify-between gap-2 p-3 text-sm">
                <span>
                  {r.unitName} · <span className="tabular">{r.orderNo}</span>
                </span>
                <span className="text-neutral-700">
                  <Money fen={r.totalFen} /> · {formatChinaDateTime(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-neutral-700">没有等待单位审批的采购单。</p>
        )}
      </section>
    </div>
  );
}
