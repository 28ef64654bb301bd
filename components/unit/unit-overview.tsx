import type { getUnitOverview } from '@/lib/accounts/units';
import { inviteUnitMemberAction, setUnitMemberRoleAction } from '@/lib/actions/units';
import { ButtonForm } from '../forms/confirm-button-form';
import { UNIT_ROLE_LABELS, UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '@/domain/labels';
import { ActionForm } from '../forms/action-form';

type Unit = NonNullable<Awaited<ReturnType<typeof getUnitOverview>>>;

export function UnitOverview({
  unit,
  role,
  isAdmin,
}: {
  unit: Unit;
  role: 'admin' | 'buyer' | 'approver';
  isAdmin: boolean;
}) {
  const tone = {
    verified: 'bg-cert-50 text-cert-800',
    pending: 'bg-amber-50 text-amber-900',
    rejected: 'bg-brand-50 text-brand-800',
  }[unit.status];
  return (
    <div className="space-y-6">
      <section aria-labelledby="unit-heading" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="unit-heading" className="text-lg font-semibold">
            {unit.name}
          </h2>
          <span className={`rounded-md px-2 py-0.5 text-sm font-medium ${tone}`}>
            {UNIT_STATUS_LABELS[unit.status]}
          </span>
        </div>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-neutral-600">统一社会信用代码</dt>
          <dd className="tabular">{unit.creditCode}</dd>
          <dt className="text-neutral-600">单位类型</dt>
          <dd>{UNIT_TYPE_LABELS[unit.type]}</dd>
          <dt className="text-neutral-600">联系人</dt>
          <dd>
            {unit.contactName} <span className="tabular">{unit.contactMobileMasked}</span>
          </dd>
          <dt className="text-neutral-600">我的角色</dt>
          <dd>
            {UNIT_ROLE_LABELS[role]}
            {isAdmin ? '、管理员' : ''}
          </dd>
        </dl>
        {unit.status === 'pending' ? (
          <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-950">
            单位注册已提交，正在等待消费扶贫办公室审核。审核通过后即可批量下单。
          </p>
        ) : null}
        {unit.status === 'rejected' ? (
          <p className="mt-3 rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
            审核未通过：{unit.rejectReason}。请联系个旧市消费扶贫办公室。
          </p>
        ) : null}
      </section>

      <section aria-labelledby="members-heading" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
        <h2 id="members-heading" className="text-lg font-semibold">
          单位成员
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="text-neutral-600">
              <th scope="col" className="py-2 font-normal">
                姓名
              </th>
              <th scope="col" className="py-2 font-normal">
                角色
              </th>
              <th scope="col" className="py-2 font-normal">
                状态
              </th>
            </tr>
          </thead>
          <tbody>
            {unit.members.map((m) => (
              <tr key={m.userId} className="border-t border-neutral-100">
                <td className="py-2">{m.name}</td>
                <td className="py-2">
                  {UNIT_ROLE_LABELS[m.role]}
                  {m.isAdmin ? '、管理员' : ''}
                  {isAdmin ? (
                    <span className="ml-2">
                      <ButtonForm
                        action={setUnitMemberRoleAction}
                        values={{
                          unitId: unit.id,
                          userId: m.userId,
                          role: m.role === 'approver' ? 'buyer' : 'approver',
                        }}
                        label={m.role === 'approver' ? '改为采购员' : '改为审批人'}
                        tone="neutral"
                        accessibleLabel={`把 ${m.name} ${m.role === 'approver' ? '改为采购员' : '改为审批人'}`}
                      />
                    </span>
                  ) : null}
                </td>
                <td className="py-2">{m.active ? '正常' : '已停用'}</td>
              </tr>
            ))}
            {unit.pendingInvites.map((i) => (
              <tr key={i.id} className="border-t border-neutral-100 text-neutral-600">
                <td className="py-2">{i.inviteeName}</td>
                <td className="py-2">{i.role ? UNIT_ROLE_LABELS[i.role] : ''}</td>
                <td className="py-2">已邀请，待接受</td>
              </tr>
            ))}
          </tbody>
        </table>
        {isAdmin ? (
          <>
            <h3 className="mt-5 font-medium">邀请成员</h3>
            <ActionForm
              action={inviteUnitMemberAction}
              submitLabel="生成邀请链接"
              className="mt-2"
              fields={[
                { name: 'unitId', label: '', type: 'hidden', defaultValue: unit.id },
                { name: 'inviteeName', label: '成员姓名' },
                {
                  name: 'role',
                  label: '角色',
                  type: 'select',
                  options: [
                    { value: 'buyer', label: '采购员' },
                    { value: 'approver', label: '审批人' },
                  ],
                },
                { name: 'isAdmin', label: '同时设为单位管理员（可邀请成员）', type: 'checkbox' },
              ]}
            />
          </>
        ) : null}
      </section>
    </div>
  );
}
