import type { listRounds } from '@/db/queries/programme';
import { createRoundAction } from '@/lib/actions/unit-orders';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';

type Round = Awaited<ReturnType<typeof listRounds>>[number];

export function RoundsAdmin({ rounds }: { rounds: Round[] }) {
  return (
    <div className="space-y-6">
      <ul className="space-y-2">
        {rounds.map((r) => (
          <Card as="li" key={r.id} padding="md">
            <p className="font-medium">{r.name}</p>
            <p className="text-sm text-neutral-700">
              {r.heldOn} 至 {r.endsOn} · {r.venue} · {r.open ? '进行中' : '已结束'}
            </p>
          </Card>
        ))}
      </ul>
      <Card title="新增推介会" titleId="new-round">
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
      </Card>
    </div>
  );
}
