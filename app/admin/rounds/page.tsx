import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { listRounds } from '@/db/queries/programme';
import { createRoundAction } from '@/lib/actions/unit-orders';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '推介会', robots: { index: false } };

export default function AdminRoundsPage() {
  return (
    <AdminShell title="推介会">
      <Rounds />
    </AdminShell>
  );
}

async function Rounds() {
  if (!(await adminPageUser('/admin/rounds'))) return <Forbidden message="只有消费扶贫办公室可以管理推介会。" />;
  const rounds = await listRounds({ openOnly: false });
  return (
    <div className="space-y-6">
      <ul className="space-y-2">
        {rounds.map((r) => (
          <li key={r.id} className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
            <p className="font-medium">{r.name}</p>
            <p className="text-sm text-neutral-700">
              {r.heldOn} 至 {r.endsOn} · {r.venue} · {r.open ? '进行中' : '已结束'}
            </p>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-round" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
        <h2 id="new-round" className="text-lg font-semibold">
          新增推介会
        </h2>
        <ActionForm
          action={createRoundAction}
          submitLabel="保存"
          className="mt-3"
          fields={[
            { name: 'name', label: '名称', wide: true },
            { name: 'heldOn', label: '开始日期', placeholder: '2026-12-01' },
            { name: 'endsOn', label: '结束日期', placeholder: '2026-12-31' },
            { name: 'venue', label: '地点', wide: true },
          ]}
        />
      </section>
    </div>
  );
}
