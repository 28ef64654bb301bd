import type { RecordedBenefit } from '@/db/queries/benefit-figures';
import type { Impact } from '@/db/queries/impact';
import { setTargetAction } from '@/lib/actions/impact';
import { ActionForm } from '../forms/action-form';
import { GroupTable, ImpactReport } from '../impact/impact-report';
import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';
import { yuanInput } from '../forms/fields';

/** A recorded payout figure's verified payouts (issue 17). */
const payoutDrill =
  (year: number) =>
  ({ supplier, channel }: { supplier?: number; channel?: string }) =>
    `/admin/payouts?status=verified&from=${year}-01-01&to=${year}-12-31${supplier ? `&supplier=${supplier}` : ''}${channel ? `&channel=${channel}` : ''}`;

const drill = (dim: string, key: string) => `/admin/impact/orders?dim=${dim}&key=${encodeURIComponent(key)}`;

/** The office's dashboard: the public report with drill-down links, exports, units and the target. */
export function ImpactDashboard({
  impact,
  benefit,
  updatedAt,
}: {
  impact: Impact;
  benefit: RecordedBenefit;
  updatedAt: Date;
}) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-2">
        <ButtonLink href="/admin/impact/export?format=xlsx" download size="sm">
          导出 Excel
        </ButtonLink>
        <ButtonLink href="/admin/impact/export?format=csv" download variant="secondary" size="sm">
          导出 CSV
        </ButtonLink>
        <ButtonLink href="/admin/pledges" variant="secondary" size="sm">
          单位认购目标进度
        </ButtonLink>
        <ButtonLink href="/admin/reports/monthly" variant="secondary" size="sm">
          月度通报
        </ButtonLink>
      </div>
      <p className="text-sm text-neutral-700">点击金额可查看构成该数字的订单。导出文件中的合计与本页一致到分。</p>
      <ImpactReport
        impact={impact}
        benefit={benefit}
        updatedAt={updatedAt}
        drill={drill}
        payoutDrill={payoutDrill(impact.year)}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <GroupTable title="按采购单位" groups={impact.byUnit ?? []} dim="unit" drill={drill} />
        <Card title="按主管部门" titleId="t-dept" headingLevel={3} padding="md">
          <DataTable
            caption="按主管部门"
            dense
            className="mt-2"
            rows={impact.byDepartment ?? []}
            rowKey={(d) => d.key}
            empty="暂无单位采购。"
            columns={[
              { header: '主管部门', cell: (d) => d.label },
              { header: '计入目标', numeric: true, cell: (d) => <Money fen={d.countedFen} /> },
              { header: '单位数', numeric: true, cell: (d) => d.units },
            ]}
          />
        </Card>
      </div>
      <Card title="目标设置" titleId="target-set" padding="md">
        <p className="mt-1 text-sm text-neutral-700">
          看板、首页和 /impact 统计所设年度（北京时间 1 月 1 日至 12 月 31 日）的付款与退款。
        </p>
        <ActionForm
          idPrefix="t-"
          action={setTargetAction}
          submitLabel="保存目标"
          className="mt-2"
          fields={[
            { name: 'year', label: '年度', inputMode: 'numeric', defaultValue: String(impact.year) },
            yuanInput('amount', '目标金额（元）', impact.targetFen),
          ]}
        />
      </Card>
    </div>
  );
}
