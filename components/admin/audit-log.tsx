import type { listAuditLog } from '@/db/queries/audit';
import { AUDIT_ACTION_LABELS } from '@/domain/labels';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';

type Row = Awaited<ReturnType<typeof listAuditLog>>[number];

export function AuditLog({ rows }: { rows: Row[] }) {
  return (
    <Card padding="none">
      <DataTable
        caption="最近 300 条操作"
        minWidth="min-w-[640px]"
        rows={rows}
        rowKey={(r) => String(r.id)}
        columns={[
          { header: '时间', cell: (r) => <span className="tabular">{formatChinaDateTime(r.createdAt)}</span> },
          { header: '操作人', cell: (r) => r.actorName ?? '系统/匿名' },
          { header: '操作', cell: (r) => AUDIT_ACTION_LABELS[r.action] ?? r.action },
          {
            header: '对象',
            cell: (r) => (
              <span className="tabular">
                {r.entity} {r.entityId.slice(0, 12)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
