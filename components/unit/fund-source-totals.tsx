import type { FundSourceTotals } from '@/db/queries/fund-sources';
import { FUND_SOURCES, fundSourceText } from '@/domain/fund-source';
import { sumFen } from '@/domain/money';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

/** Paid purchases of the year by fund source (食堂 / 工会 / 其他), from the ledger's rows, with their sum. */
export function FundSourceTotalsTable({
  totals,
  caption,
  className,
}: {
  totals: FundSourceTotals;
  caption: string;
  className?: string;
}) {
  return (
    <DataTable
      className={className}
      caption={caption}
      captionHidden={false}
      dense
      rows={[...FUND_SOURCES]}
      rowKey={(f) => f}
      columns={[
        { header: '经费来源', cell: (f) => fundSourceText(f), foot: '合计' },
        {
          header: '已付款采购',
          numeric: true,
          cell: (f) => <Money fen={totals[f]} />,
          foot: <Money fen={sumFen(FUND_SOURCES.map((f) => totals[f]))} />,
        },
      ]}
    />
  );
}
