import type { PledgeRow } from '@/db/queries/programme';
import { formatBps, progressBps } from '@/domain/money';
import { setPledgeAction } from '@/lib/actions/unit-orders';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';
import { hiddenField, yuanInput } from '../forms/fields';

const EXPORTS = [
  { href: '/admin/pledges/export?format=xlsx', label: '导出全部（Excel）' },
  { href: '/admin/pledges/export?format=xlsx&unfinished=1', label: '导出未完成名单（Excel）' },
  { href: '/admin/pledges/export?format=csv&unfinished=1', label: '未完成名单（CSV）' },
];

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

/** Each unit's pledge for the year against its paid purchases, by department, with the unfinished list. */
export function PledgesAdmin({ rows, year }: { rows: PledgeRow[]; year: number }) {
  const unfinished = rows.filter((r) => r.pledgeFen !== null && r.paidFen < r.pledgeFen);
  return (
    <div className="space-y-6">
      <p className="flex flex-wrap gap-3 text-sm">
        {EXPORTS.map((e) => (
          <a
            key={e.href}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
            href={e.href}
          >
            {e.label}
          </a>
        ))}
      </p>
      {byDepartment(rows).map(([dept, g]) => (
        <Card key={dept} as="section" aria-label={dept} padding="none">
          <DataTable
            caption={
              <>
                {dept}：<Money fen={g.paidFen} /> / <Money fen={g.pledgeFen} />
                {g.pledgeFen > 0n ? `（${formatBps(progressBps(g.paidFen, g.pledgeFen))}）` : ''}
              </>
            }
            captionHidden={false}
            minWidth="min-w-[640px]"
            rows={g.units}
            rowKey={(u) => u.unitId}
            columns={[
              { header: '单位', cell: (u) => u.unitName },
              {
                header: `${year} 年认购目标`,
                cell: (u) => (u.pledgeFen === null ? '未设定' : <Money fen={u.pledgeFen} />),
              },
              { header: '已付款采购', cell: (u) => <Money fen={u.paidFen} /> },
              { header: '完成', cell: (u) => (u.pledgeFen ? formatBps(progressBps(u.paidFen, u.pledgeFen)) : '—') },
              {
                header: '设定目标',
                cell: (u) => (
                  <ActionForm
                    idPrefix={`p${u.unitId}-`}
                    action={setPledgeAction}
                    submitLabel="保存"
                    fields={[hiddenField('unitId', u.unitId), yuanInput('amount', '目标（元）', u.pledgeFen)]}
                  />
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Card title={`未完成名单（${unfinished.length}）`} titleId="unfinished-h" padding="md">
        <ul className="mt-2 text-sm">
          {unfinished.map((u) => (
            <li key={u.unitId}>
              {u.department} · {u.unitName}：尚差 <Money fen={(u.pledgeFen ?? 0n) - u.paidFen} />
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
