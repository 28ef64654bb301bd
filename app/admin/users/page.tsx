import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ButtonForm } from '@/components/forms/confirm-button-form';
import { listUsersForAdmin } from '@/lib/accounts/users';
import { setUserActiveAction } from '@/lib/actions/admin';
import { adminPageUser } from '@/lib/auth/admin-page';
import { USER_ROLE_LABELS } from '@/domain/labels';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '用户', robots: { index: false } };

export default function AdminUsersPage() {
  return (
    <AdminShell title="用户">
      <Users />
    </AdminShell>
  );
}

async function Users() {
  const admin = await adminPageUser('/admin/users');
  if (!admin) return <Forbidden message="只有消费扶贫办公室可以管理用户。" />;
  const users = await listUsersForAdmin();
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-neutral-200">
      <table className="w-full min-w-[640px] text-left text-sm">
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              姓名
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              账号
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              角色
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              最近登录
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              状态
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-neutral-100">
              <td className="px-3 py-2">{u.name}</td>
              <td className="px-3 py-2 tabular">{u.email ?? u.mobileMasked}</td>
              <td className="px-3 py-2">{USER_ROLE_LABELS[u.role]}</td>
              <td className="px-3 py-2 tabular">{u.lastLoginAt ? formatChinaDateTime(u.lastLoginAt) : '—'}</td>
              <td className="px-3 py-2">
                {u.id === admin.id ? (
                  '正常（本人）'
                ) : (
                  <ButtonForm
                    action={setUserActiveAction}
                    values={{ userId: u.id, active: u.active ? 'false' : 'true' }}
                    label={u.active ? '停用' : '启用'}
                    tone={u.active ? 'danger' : 'neutral'}
                    accessibleLabel={`${u.active ? '停用' : '启用'} ${u.name}`}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
