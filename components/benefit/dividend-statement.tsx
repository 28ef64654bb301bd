import { DIVIDEND_SPLIT_LABELS, type DividendSplit } from '@/domain/dividend';
import { formatBps, formatFen } from '@/domain/money';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

type Statement = {
  rule: { id: number; title: string; periodFrom: string; periodTo: string; shareBps: number; split: DividendSplit };
  countedFen: bigint;
  poolFen: bigint;
  paidFen: bigint;
  verifiedFen: bigint;
  members: {
    householdId: number;
    code: string;
    shares: number;
    dueFen: bigint;
    paidFen: bigint;
    verifiedFen: bigint;
  }[];
};

/** A dividend rule: its base and pool, then each household's due, recorded and verified amounts (due sums to the pool). */
export function DividendStatement({ s }: { s: Statement }) {
  const dueTotal = s.members.reduce((sum, m) => sum + m.dueFen, 0n);
  return (
    <div>
      <p className="text-sm text-neutral-700">
        {s.rule.periodFrom} 至 {s.rule.periodTo} · 计入目标的销售额 <Money fen={s.countedFen} /> ×{' '}
        {formatBps(s.rule.shareBps, { trim: true })} = 分红总额{' '}
        <strong className="tabular" data-testid={`pool-${s.rule.id}`}>
          {formatFen(s.poolFen)}
        </strong>{' '}
        · {DIVIDEND_SPLIT_LABELS[s.rule.split]}（最大余额法，逐户精确到分）
      </p>
      <div className="mt-2">
        <DataTable
          caption={`${s.rule.title}：应分与已发`}
          rows={s.members}
          rowKey={(m) => m.householdId}
          dense
          columns={[
            { header: '农户', cell: (m) => <span className="tabular">{m.code}</span>, foot: '合计' },
            ...(s.rule.split === 'shares'
              ? [{ header: '股数', numeric: true, cell: (m: Statement['members'][number]) => m.shares }]
              : []),
            {
              header: '应分',
              numeric: true,
              cell: (m) => <span data-testid={`due-${s.rule.id}-${m.code}`}>{formatFen(m.dueFen)}</span>,
              foot: formatFen(dueTotal),
            },
            { header: '已记录', numeric: true, cell: (m) => formatFen(m.paidFen), foot: formatFen(s.paidFen) },
            { header: '已核实', numeric: true, cell: (m) => formatFen(m.verifiedFen), foot: formatFen(s.verifiedFen) },
          ]}
        />
      </div>
    </div>
  );
}
