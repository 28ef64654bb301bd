import type { listUnitsForReview } from '@/db/queries/units';
import { UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '@/domain/labels';
import { formatChinaDateTime } from '@/domain/time';
import { rejectUnitAction, verifyUnitAction } from '@/lib/actions/admin';
import { ApproveReject } from '../forms/approve-reject';
import { Card } from '../ui/card';

type Unit = Awaited<ReturnType<typeof listUnitsForReview>>[number];

/** Registered units; pending ones carry 通过 / 驳回. */
export function UnitReview({ units }: { units: Unit[] }) {
  if (!units.length) return <p className="text-neutral-700">还没有单位注册。</p>;
  return (
    <ul className="space-y-3">
      {units.map((u) => (
        <Card as="li" key={u.id} padding="md">
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
        </Card>
      ))}
    </ul>
  );
}
