import { IntentLink } from '@/components/layout/intent-link';
import type { Group, Impact } from '@/db/queries/impact';
import { formatBps, progressBps } from '@/domain/money';
import { CHANNEL_LABELS, METHOD_TEXT, toWeeks } from '@/domain/target-accounting';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { DataTable, type Column } from '../ui/data-table';
import { Money } from '../ui/money';
import { TargetProgressBar } from '../ui/target-progress';
import type { RecordedBenefit } from '@/db/queries/benefit-figures';
import { BenefitRecorded, type PayoutDrill } from './benefit-recorded';
import { TrendChart } from './trend-chart';

/** Builds the drill-down link for a figure (office dashboard only). */
export type DrillHref = (dim: string, key: string) => string;

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg bg-neutral-50 p-3 ring-1 ring-neutral-200">
      <dt className="text-sm text-neutral-700">{label}</dt>
      <dd className="text-xl font-semibold tabular" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function Amount({ fen, drill }: { fen: bigint; drill?: string }) {
  return drill ? (
    <IntentLink href={drill} className="text-brand-700 underline underline-offset-2">
      <Money fen={fen} />
    </IntentLink>
  ) : (
    <Money fen={fen} />
  );
}

export function GroupTable({
  title,
  groups,
  dim,
  drill,
  extra,
}: {
  title: string;
  groups: Group[];
  dim: string;
  drill?: DrillHref;
  extra?: { head: string; cell: (g: Group) => React.ReactNode };
}) {
  const columns: Column<Group>[] = [
    { header: '名称', cell: (g) => g.label, foot: '合计' },
    {
      header: '计入目标',
      numeric: true,
      cell: (g) => <Amount fen={g.countedFen} drill={drill?.(dim, g.key)} />,
      foot: <Money fen={groups.reduce((s, g) => s + g.countedFen, 0n)} />,
    },
    {
      header: '未认定',
      numeric: true,
      cell: (g) => <Money fen={g.uncountedFen} />,
      foot: <Money fen={groups.reduce((s, g) => s + g.uncountedFen, 0n)} />,
    },
    { header: '订单', numeric: true, cell: (g) => g.orders, foot: null },
    ...(extra ? [{ header: extra.head, numeric: true, cell: extra.cell, foot: null }] : []),
  ];
  return (
    <Card title={title} titleId={`t-${dim}`} headingLevel={3} padding="md">
      <DataTable
        caption={title}
        dense
        className="mt-2"
        minWidth="min-w-[20rem]"
        rows={groups}
        rowKey={(g) => g.key}
        empty="暂无销售。"
        columns={columns}
      />
    </Card>
  );
}

/** The progress and breakdowns, shared by /impact and the office dashboard. */
export function ImpactReport({
  impact,
  benefit,
  updatedAt,
  drill,
  payoutDrill,
}: {
  impact: Impact;
  benefit: RecordedBenefit;
  updatedAt: Date;
  drill?: DrillHref;
  payoutDrill?: PayoutDrill;
}) {
  const bps = progressBps(impact.countedFen, impact.targetFen);
  const channels: Group[] = impact.byChannel.map((c) => ({ ...c, label: CHANNEL_LABELS[c.channel] }));
  return (
    <div className="space-y-6">
      <section aria-labelledby="progress" className="rounded-2xl bg-white p-5 ring-1 ring-neutral-200">
        <h2 id="progress" className="text-lg font-semibold">
          {impact.year} 年目标进度
        </h2>
        <p className="mt-2 flex flex-wrap items-baseline gap-x-2">
          <span
            className="text-3xl font-bold text-brand-700 tabular"
            data-testid="counted-fen"
            data-fen={String(impact.countedFen)}
          >
            {drill ? (
              <IntentLink href={drill('total', '')}>
                <Money fen={impact.countedFen} />
              </IntentLink>
            ) : (
              <Money fen={impact.countedFen} />
            )}
          </span>
          <span className="text-neutral-700">
            / 目标 <Money fen={impact.targetFen} />
          </span>
        </p>
        <TargetProgressBar bps={bps} className="h-4" />
        <p className="mt-2 text-sm text-neutral-700">
          已完成 <strong className="tabular">{formatBps(bps)}</strong> · 数据更新于 {formatChinaDateTime(updatedAt)}
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-4">
          <Figure label="订单" value={String(impact.orders)} testId="orders" />
          <Figure label="采购单位" value={String(impact.units)} />
          <Figure label="购买人数" value={String(impact.buyers)} />
          <Figure label="已扣除退款" value={<Money fen={impact.refundedFen} />} />
        </dl>
        <p className="mt-3 text-sm text-neutral-700">
          未认定商品的销售 <Money fen={impact.uncountedFen} className="font-medium" />
          ，单独列出，不计入目标。
        </p>
      </section>

      <BenefitRecorded b={benefit} year={impact.year} countedFen={impact.countedFen} drill={payoutDrill} />

      <section aria-labelledby="benefit" className="rounded-2xl bg-white p-5 ring-1 ring-neutral-200">
        <h2 id="benefit" className="text-lg font-semibold">
          带贫收益估算（按申报的分成比例）
        </h2>
        <p className="mt-2">
          按各供应商申报的分成比例估算约{' '}
          <strong className="text-xl">
            <Money fen={impact.benefitFen} />
          </strong>
          ，供应商申报带动 <strong className="tabular">{impact.households}</strong>{' '}
          户。这是承诺的比例，不是实际发放；实际发放见上方已核实的带贫成效。
        </p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-neutral-700">
          {METHOD_TEXT.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </section>

      <div className="grid gap-4 lg:grid-cols-2">
        <GroupTable title="按渠道" groups={channels} dim="channel" drill={drill} />
        <GroupTable title="按推介会" groups={impact.byRound} dim="round" drill={drill} />
        <GroupTable title="按直播" groups={impact.byLivestream} dim="livestream" drill={drill} />
        <GroupTable title="按分类" groups={impact.byCategory} dim="category" drill={drill} />
        <GroupTable title="按乡镇（街道）" groups={impact.byTownship} dim="township" drill={drill} />
        <GroupTable
          title="按供应商"
          groups={impact.bySupplier}
          dim="supplier"
          drill={drill}
          extra={{
            head: '帮扶收益估算',
            cell: (g) => {
              const s = impact.bySupplier.find((x) => x.key === g.key)!;
              return (
                <span title={`分成 ${formatBps(s.shareBps, { trim: true })}，带动 ${s.households} 户`}>
                  <Money fen={s.benefitFen} />
                </span>
              );
            },
          }}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <TrendChart points={impact.days} title="每日计入目标的销售额（近 60 日）" unit="日" />
        <TrendChart points={toWeeks(impact.days)} title="每周计入目标的销售额" unit="周" />
      </div>
    </div>
  );
}
