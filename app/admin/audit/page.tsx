import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { listAuditLog } from '@/db/queries/audit';
import { adminPageUser } from '@/lib/auth/admin-page';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '操作日志', robots: { index: false } };

const ACTION_LABELS: Record<string, string> = {
  login: '登录',
  logout: '退出登录',
  'login.failed': '登录失败',
  'login.rate_limited': '登录过于频繁被拒',
  'login.inactive': '停用账号尝试登录',
  register: '注册',
  'unit.register': '单位注册',
  'unit.verify': '单位审核通过',
  'unit.reject': '单位审核驳回',
  'invite.create': '发出邀请',
  'invite.accept': '接受邀请',
  'user.activate': '启用账号',
  'user.deactivate': '停用账号',
  'supplier.create': '新增供应商',
  'supplier.update': '修改供应商资料',
  'unit.member_role': '变更单位成员角色',
  // 带贫成效 (issue 17).
  'household.register': '登记农户',
  'household.update': '修改农户登记',
  'household.reveal': '查看农户身份信息',
  'household.confirm_code': '打印农户确认码',
  'payout.record': '记录发放',
  'payout.confirm': '确认现金发放',
  'payout.verify': '核实发放',
  'payout.return': '退回发放',
  'payout.void': '作废发放',
  'dividend_rule.declare': '设立分红规则',
};

export default function AdminAuditPage() {
  return (
    <AdminShell title="操作日志">
      <Audit />
    </AdminShell>
  );
}

async function Audit() {
  if (!(await adminPageUser('/admin/audit'))) return <Forbidden message="只有消费扶贫办公室可以查看操作日志。" />;
  const rows = await listAuditLog({ limit: 300 });
  return (
    <div className="overflow-x-auto rounded-xl bg-white ring-1 ring-neutral-200">
      <table className="w-full min-w-[640px] text-left text-sm">
        <caption className="sr-only">最近 300 条操作</caption>
        <thead className="bg-neutral-50 text-neutral-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              时间
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              操作人
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              操作
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              对象
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)} className="border-t border-neutral-100">
              <td className="px-3 py-2 tabular">{formatChinaDateTime(r.createdAt)}</td>
              <td className="px-3 py-2">{r.actorName ?? '系统/匿名'}</td>
              <td className="px-3 py-2">{ACTION_LABELS[r.action] ?? r.action}</td>
              <td className="px-3 py-2 tabular">
                {r.entity} {r.entityId.slice(0, 12)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
