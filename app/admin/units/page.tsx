import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ApproveReject } from '@/components/forms/approve-reject';
import { listUnitsForReview } from '@/db/queries/units';
import { rejectUnitAction, verifyUnitAction } from '@/lib/actions/admin';
import { adminPageUser } from '@/lib/auth/admin-page';
import { UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '@/domain/labels';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '单位审核', robots: { index: false } };

export default function AdminUnitsPage() {
  return (
    <AdminShell title="单位审核">
      <Units />
    </AdminShell>
  );
}

async function Units() {
  if (!(await adminPageUser('/admin/units'))) return <Forbidden message="只有消费扶贫办公室可以审核单位。" />;
  const units = await listUnitsForReview();
  if (!units.length) return <p className="text-neutral-700">还没有单位注册。</p>;
  return (
    <ul className="space-y-3">
      {units.map((u) => (
        <li key={u.id} className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <p className="font-semibold">{u.name}</p>
            <span className="text-sm text-neutral-700">{UNIT_STATUS_LABELS[u.status]}</span>
          </div>
          <p className="text-sm text-neutral-700 tabular">
            {u.creditCode} · {UNIT_TYPE_LABELS[u.type]} · 联系人 {u.contactName} · 注册于{' '}
            {formatChinaDateTime(u.createdAt).slice(0, 10)}
          </p>
          {u.status === 'rejected' && u.rejectReason ? (
            <p className="text-sm text-brand-700">驳回原因：{u.rejectReason}</p>
          ) : null}
          {u.status === 'pending' ? (
            <div className="mt-3">
              <ApproveReject
                id={`u${u.id}`}
                label={u.name}
                values={{ unitId: u.id }}
                approve={{ action: verifyUnitAction }}
                reject={{ action: rejectUnitAction }}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
