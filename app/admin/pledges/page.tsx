import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { Money } from '@/components/ui/money';
import { listPledgeProgress, type PledgeRow } from '@/db/queries/programme';
import { setPledgeAction } from '@/lib/actions/unit-orders';
import { adminPageUser } from '@/lib/auth/admin-page';
import { fenToYuanText, formatBps, progressBps } from '@/domain/money';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '认购目标', robots: { index: false } };

export default function AdminPledgesPage() {
  return (
    <AdminShell title="认购目标">
      <Pledges />
    </AdminShell>
  );
}

function byDepartment(rows: PledgeRow[]) {
  const groups = new Map<string, { pledgeFen: bigint; paidFen: bigint; units: PledgeRow[] }>();
  for (const r of rows) {
    const g = groups.get(r.department) ?? { pledgeFen: 0n, paidFen: 0n, units: [] };
    g.pledgeFen += r.pledgeFen ?? 0n;
    g.paidFen += r.paidFen;
    g.units.push(r);
    groups.set(r.department, g);
  }
  return [...groups];
}

async function Pledges() {
  if (!(await adminPageUser('/admin/pledges'))) return <Forbidden message="只有消费扶贫办公室可以查看认购目标。" />;
  const year = Number(chinaDate().slice(0, 4));
  const rows = await listPledgeProgress({ year });
  const unfinished = rows.filter((r) => r.pledgeFen !== null && r.paidFen < r.pledgeFen);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-3 text-sm">
        <a
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          href="/admin/pledges/export?format=xlsx"
        >
          导出全部（Excel）
        </a>
        <a
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          href="/admin/pledges/export?format=xlsx&unfinished=1"
        >
          导出未完成名单（Excel）
        </a>
        <a
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
          href="/admin/pledges/export?format=csv&unfinished=1"
        >
          未完成名单（CSV）
        </a>
      </p>
      {byDepartment(rows).map(([dept, g]) => (
        <section key={dept} aria-label={dept} className="overflow-x-auto rounded-xl bg-white ring-1 ring-neutral-200">
          <table className="w-full min-w-[640px] text-left text-sm">
            <caption className="px-3 pt-3 text-left font-semibold">
              {dept}：<Money fen={g.paidFen} /> / <Money fen={g.pledgeFen} />
              {g.pledgeFen > 0n ? `（${formatBps(progressBps(g.paidFen, g.pledgeFen))}）` : ''}
            </caption>
            <thead className="text-neutral-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  单位
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {year} 年认购目标
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  已付款采购
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  完成
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  设定目标
                </th>
              </tr>
            </thead>
            <tbody>
              {g.units.map((u) => (
                <tr key={u.unitId} className="border-t border-neutral-100">
                  <td className="px-3 py-2">{u.unitName}</td>
                  <td className="px-3 py-2">{u.pledgeFen === null ? '未设定' : <Money fen={u.pledgeFen} />}</td>
                  <td className="px-3 py-2">
                    <Money fen={u.paidFen} />
                  </td>
                  <td className="px-3 py-2">{u.pledgeFen ? formatBps(progressBps(u.paidFen, u.pledgeFen)) : '—'}</td>
                  <td className="px-3 py-2">
                    <ActionForm
                      idPrefix={`p${u.unitId}-`}
                      action={setPledgeAction}
                      submitLabel="保存"
                      fields={[
                        { name: 'unitId', label: '', type: 'hidden', defaultValue: u.unitId },
                        {
                          name: 'amount',
                          label: '目标（元）',
                          inputMode: 'decimal',
                          defaultValue: u.pledgeFen === null ? '' : fenToYuanText(u.pledgeFen),
                        },
                      ]}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <section aria-labelledby="unfinished-h" className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
        <h2 id="unfinished-h" className="font-semibold">
          未完成名单（{unfinished.length}）
        </h2>
        <ul className="mt-2 text-sm">
          {unfinished.map((u) => (
            <li key={u.unitId}>
              {u.department} · {u.unitName}：尚差 <Money fen={(u.pledgeFen ?? 0n) - u.paidFen} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
