import { IntentLink } from '@/components/layout/intent-link';
import type { UnreceivedUnitOrder } from '@/db/queries/unit-receipt';
import { UNIT_AUTO_RECEIPT_DAYS, UNIT_RECEIPT_OVERDUE_DAYS } from '@/domain/receipt';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

/** 待验收: unit orders shipped in full more than 10 days ago that their unit has not accepted. */
export function UnreceivedOrders({ rows }: { rows: UnreceivedUnitOrder[] }) {
  return (
    <Card title={`发货超过 ${UNIT_RECEIPT_OVERDUE_DAYS} 天未验收（${rows.length}）`} titleId="unreceived-h">
      <p className="mt-1 text-sm text-neutral-700">
        单位未验收的采购单在最后一件发货后 {UNIT_AUTO_RECEIPT_DAYS} 天自动验收；可提醒单位尽快核对收货。
      </p>
      <DataTable
        caption="未验收的采购单"
        className="mt-2"
        dense
        rows={rows}
        rowKey={(r) => r.orderNo}
        empty={`没有发货超过 ${UNIT_RECEIPT_OVERDUE_DAYS} 天仍未验收的采购单。`}
        columns={[
          {
            header: '采购单',
            cell: (r) => (
              <IntentLink href={`/unit/orders/${r.orderNo}/recipients`} className="text-brand-700 underline">
                {r.orderNo}
              </IntentLink>
            ),
          },
          { header: '单位', cell: (r) => r.unitName },
          { header: '最后发货', cell: (r) => formatChinaDateTime(r.lastShippedAt) },
          { header: '金额', numeric: true, cell: (r) => <Money fen={r.totalFen} /> },
        ]}
      />
    </Card>
  );
}
