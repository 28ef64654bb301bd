import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { GroupTable, ImpactReport } from '@/components/impact/impact-report';
import { getYearBenefitFigures } from '@/db/queries/benefit-figures';
import { getImpact } from '@/db/queries/impact';
import { setTargetAction } from '@/lib/actions/impact';
import { adminPageUser } from '@/lib/auth/admin-page';
import { fenToYuanText, formatFen } from '@/domain/money';

export const metadata: Metadata = { title: '成效看板', robots: { index: false } };

export default function AdminImpactPage() {
  return (
    <AdminShell title="成效看板">
      <Dashboard />
    </AdminShell>
  );
}

/** A recorded payout figure's verified payouts (issue 17). */
const payoutDrill =
  (year: number) =>
  ({ supplier, channel }: { supplier?: number; channel?: string }) =>
    `/admin/payouts?status=verified&from=${year}-01-01&to=${year}-12-31${supplier ? `&supplier=${supplier}` : ''}${channel ? `&channel=${channel}` : ''}`;

const drill = (dim: string, key: string) => `/admin/impact/orders?dim=${dim}&key=${encodeURIComponent(key)}`;

async function Dashboard() {
  await connection();
  if (!(await adminPageUser('/admin/impact'))) return <Forbidden message="只有消费扶贫办公室可以查看成效看板。" />;
  const impact = await getImpact({ withUnits: true });
  const benefit = await getYearBenefitFigures({ year: impact.year });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-2 text-sm">
        <a
          href="/admin/impact/export?format=xlsx"
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
        >
          导出 Excel
        </a>
        <a
          href="/admin/impact/export?format=csv"
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-brand-800 ring-1 ring-brand-600 hover:bg-brand-50"
        >
          导出 CSV
        </a>
        <Link
          href="/admin/reports/monthly"
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium ring-1 ring-neutral-300 hover:bg-neutral-50"
        >
          月度通报
        </Link>
        <Link
          href="/admin/pledges"
          className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium ring-1 ring-neutral-300 hover:bg-neutral-50"
        >
          单位认购目标进度
        </Link>
      </div>
      <p className="text-sm text-neutral-700">点击金额可查看构成该数字的订单。导出文件中的合计与本页一致到分。</p>
      <ImpactReport
        impact={impact}
        benefit={benefit}
        updatedAt={new Date()}
        drill={drill}
        payoutDrill={payoutDrill(impact.year)}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <GroupTable title="按采购单位" groups={impact.byUnit ?? []} dim="unit" drill={drill} />
        <section aria-labelledby="t-dept" className="overflow-x-auto rounded-xl bg-white p-4 ring-1 ring-neutral-200">
          <h3 id="t-dept" className="font-medium">
            按主管部门
          </h3>
          {impact.byDepartment?.length ? (
            <table className="mt-2 w-full text-left text-sm">
              <thead>
                <tr className="text-neutral-600">
                  <th className="py-1 font-medium">主管部门</th>
                  <th className="py-1 text-right font-medium">计入目标</th>
                  <th className="py-1 text-right font-medium">单位数</th>
                </tr>
              </thead>
              <tbody>
                {impact.byDepartment.map((d) => (
                  <tr key={d.key} className="border-t border-neutral-100">
                    <td className="py-1">{d.label}</td>
                    <td className="py-1 text-right tabular">{formatFen(d.countedFen)}</td>
                    <td className="py-1 text-right tabular">{d.units}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-2 text-sm text-neutral-700">暂无单位采购。</p>
          )}
        </section>
      </div>
      <section aria-labelledby="target-set" className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <h2 id="target-set" className="font-semibold">
          目标设置
        </h2>
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
            {
              name: 'amount',
              label: '目标金额（元）',
              inputMode: 'decimal',
              defaultValue: fenToYuanText(impact.targetFen),
            },
          ]}
        />
      </section>
    </div>
  );
}
