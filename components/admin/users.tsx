import type { listUsersForAdmin } from '@/lib/accounts/users';
import { USER_ROLE_LABELS } from '@/domain/labels';
import { formatChinaDateTime } from '@/domain/time';
import { setUserActiveAction } from '@/lib/actions/admin';
import { ButtonForm } from '../forms/confirm-button-form';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';

type User = Awaited<ReturnType<typeof listUsersForAdmin>>[number];

/** Every account, with 停用 / 启用 (never for the signed-in admin themself). */
export function UsersAdmin({ users, me }: { users: User[]; me: string }) {
  return (
    <Card padding="none">
      <DataTable
        caption="全部用户"
        minWidth="min-w-[640px]"
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { header: '姓名', cell: (u) => u.name },
          { header: '账号', cell: (u) => <span className="tabular">{u.email ?? u.mobileMasked}</span> },
          { header: '角色', cell: (u) => USER_ROLE_LABELS[u.role] },
          {
            header: '最近登录',
            cell: (u) => <span className="tabular">{u.lastLoginAt ? formatChinaDateTime(u.lastLoginAt) : '—'}</span>,
          },
          {
            header: '状态',
            cell: (u) =>
              u.id === me ? (
                '正常（本人）'
              ) : (
                <ButtonForm
                  action={setUserActiveAction}
                  values={{ userId: u.id, active: u.active ? 'false' : 'true' }}
                  label={u.active ? '停用' : '启用'}
                  variant={u.active ? 'danger' : 'secondary'}
                  accessibleLabel={`${u.active ? '停用' : '启用'} ${u.name}`}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
