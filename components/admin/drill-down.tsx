import { IntentLink } from '@/components/layout/intent-link';
import type { drillDown } from '@/db/queries/impact';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

type Result = Awaited<ReturnType<typeof drillDown>>;

/** The orders behind one dashboard figure, 50 a page. */
export function DrillDownOrders({
  result: r,
  dim,
  drillKey: key,
  page,
  days,
}: {
  result: Result;
  dim: string;
  drillKey: string;
  page: number;
  /** A period of the monthly 通报 instead of the programme year. */
  days?: { fromDay: string; toDay: string };
}) {
  const period = days ? `&from=${days.fromDay}&to=${days.toDay}` : '';
  const qs = (p: number) => `/admin/impact/orders?dim=${dim}&key=${encodeURIComponent(key)}${period}&page=${p}`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-neutral-700">
        {days ? `${days.fromDay} 至 ${days.toDay}` : `${r.year} 年`} · 维度 {dim}
        {key ? ` = ${key}` : ''} · 每笔订单在该维度下的商品行金额（已扣退款）。
        <IntentLink href="/admin/impact" className="ml-2 text-brand-700 underline underline-offset-2">
          返回看板
        </IntentLink>
      </p>
      <Card padding="none">
        <DataTable
          caption="订单明细"
          minWidth="min-w-[36rem]"
          rows={r.rows}
          rowKey={(o) => o.orderNo}
          columns={[
            {
              header: '订单号',
              cell: (o) => (
                <IntentLink
                  href={`/orders/${o.orderNo}`}
                  className="text-brand-700 tabular underline underline-offset-2"
                >
                  {o.orderNo}
                </IntentLink>
              ),
            },
            { header: '付款时间', cell: (o) => (o.paidAt ? formatChinaDateTime(o.paidAt) : '') },
            { header: '状态', cell: (o) => ORDER_STATUS_LABELS[o.status] },
            { header: '计入目标', numeric: true, cell: (o) => <Money fen={o.countedFen} /> },
            { header: '未认定', numeric: true, cell: (o) => <Money fen={o.uncountedFen} /> },
            { header: '退款', numeric: true, cell: (o) => <Money fen={o.refundFen} /> },
          ]}
        />
        {r.rows.length ? null : <p className="p-4 text-neutral-700">没有订单。</p>}
      </Card>
      <nav aria-label="分页" className="flex gap-2">
        {page > 1 ? (
          <ButtonLink href={qs(page - 1)} variant="secondary" size="sm">
            上一页
          </ButtonLink>
        ) : null}
        {r.hasMore ? (
          <ButtonLink href={qs(page + 1)} variant="secondary" size="sm">
            下一页
          </ButtonLink>
        ) : null}
      </nav>
    </div>
  );
}
