import { IntentLink } from '@/components/layout/intent-link';
import type { RecordedBenefit } from '@/db/queries/benefit-figures';
import { BENEFIT_CHANNEL_LABELS, reachedShareBps } from '@/domain/benefit';
import { formatBps, formatFen } from '@/domain/money';
import { DataTable, type DataTableProps } from '../ui/data-table';

/** Links from a payout figure to its verified payouts (office dashboard only). */
export type PayoutDrill = (filter: { supplier?: number; channel?: string }) => string;

function Figure({ label, value, testId, fen }: { label: string; value: string; testId: string; fen?: bigint }) {
  return (
    <div className="rounded-lg bg-white p-3 ring-1 ring-neutral-200">
      <dt className="text-sm text-neutral-700">{label}</dt>
      <dd
        className="text-xl font-semibold tabular"
        data-testid={testId}
        data-fen={fen === undefined ? undefined : String(fen)}
      >
        {value}
      </dd>
    </div>
  );
}

/** One breakdown of the payouts: a captioned table in a card of its own. */
function Breakdown<T>(props: Omit<DataTableProps<T>, 'captionHidden' | 'dense'>) {
  return (
    <div className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
      <DataTable captionHidden={false} dense {...props} />
    </div>
  );
}

/**
 * 带贫成效 from recorded payouts (issue 17): households reached this year (≥ 1 verified payout), of which
 * 脱贫户 and 监测对象, paid by channel and by supplier, the median and 10th-percentile household income,
 * and the share of counted sales that reached households. Verified payouts only.
 */
export function BenefitRecorded({
  b,
  year,
  countedFen,
  drill,
}: {
  b: RecordedBenefit;
  year: number;
  countedFen: bigint;
  drill?: PayoutDrill;
}) {
  const money = (fen: bigint, href?: string) =>
    href ? (
      <IntentLink href={href} className="text-brand-700 underline underline-offset-2">
        {formatFen(fen)}
      </IntentLink>
    ) : (
      formatFen(fen)
    );
  return (
    <section aria-labelledby="benefit-recorded" className="rounded-2xl bg-cert-50 p-5 ring-1 ring-cert-700/20">
      <h2 id="benefit-recorded" className="text-lg font-semibold">
        {year} 年带贫成效（已核实的发放）
      </h2>
      <p className="mt-1 text-sm text-neutral-700">
        合作社、车间和企业记录的每一笔计件工资、务工工资、保底收购溢价和分红，经消费扶贫办公室或社区（村）核实员核实后计入。
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Figure label="带动农户（户）" value={String(b.reached)} testId="households-reached" />
        <Figure label="其中脱贫户" value={String(b.poverty)} testId="households-poverty" />
        <Figure label="其中监测对象" value={String(b.monitored)} testId="households-monitored" />
        <Figure label="已发放" value={formatFen(b.paidFen)} testId="payouts-total" fen={b.paidFen} />
        <Figure label="户均收入中位数" value={formatFen(b.medianFen)} testId="income-median" fen={b.medianFen} />
        <Figure label="户收入第 10 百分位" value={formatFen(b.p10Fen)} testId="income-p10" fen={b.p10Fen} />
        <Figure
          label="占计入目标销售额"
          value={countedFen > 0n ? formatBps(reachedShareBps(b.paidFen, countedFen)) : '—'}
          testId="reached-share"
        />
      </dl>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Breakdown
          caption="按带动方式"
          rows={b.byChannel}
          rowKey={(c) => c.channel}
          columns={[
            { header: '带动方式', cell: (c) => BENEFIT_CHANNEL_LABELS[c.channel], foot: '合计' },
            {
              header: '已发放',
              numeric: true,
              cell: (c) => (
                <span data-testid={`paid-${c.channel}`} data-fen={String(c.paidFen)}>
                  {money(c.paidFen, drill?.({ channel: c.channel }))}
                </span>
              ),
              foot: money(b.paidFen, drill?.({})),
            },
          ]}
        />
        <Breakdown
          caption="按供应商"
          rows={b.bySupplier}
          rowKey={(s) => s.supplierId}
          empty="本年还没有已核实的发放。"
          columns={[
            { header: '供应商', cell: (s) => s.name },
            { header: '带动户数', numeric: true, cell: (s) => s.households },
            { header: '已发放', numeric: true, cell: (s) => money(s.paidFen, drill?.({ supplier: s.supplierId })) },
          ]}
        />
      </div>
      <p className="mt-3 text-xs text-neutral-700">
        户均收入中位数和第 10
        百分位按最近秩法，统计本年至少有一笔已核实发放的农户从本商城供应商获得的收入；不含农户的其他收入。
      </p>
    </section>
  );
}
