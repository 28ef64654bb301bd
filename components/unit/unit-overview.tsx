import type { getUnitOverview } from '@/lib/accounts/units';
import { inviteUnitMemberAction, setUnitMemberRoleAction } from '@/lib/actions/units';
import { ButtonForm } from '../forms/confirm-button-form';
import { UNIT_ROLE_LABELS, UNIT_STATUS_LABELS, UNIT_TYPE_LABELS } from '@/domain/labels';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { Notice } from '../ui/notice';
import { hiddenField } from '../forms/fields';

type Unit = NonNullable<Awaited<ReturnType<typeof getUnitOverview>>>;
type Member = Unit['members'][number];
type MemberRow = { key: string; m: Member } | { key: string; i: Unit['pendingInvites'][number] };

/** 改为采购员 / 改为审批人, for the unit's administrators. */
function RoleSwitch({ unitId, m }: { unitId: string; m: Member }) {
  const label = m.role === 'approver' ? '改为采购员' : '改为审批人';
  return (
    <span className="ml-2">
      <ButtonForm
        action={setUnitMemberRoleAction}
        values={{ unitId, userId: m.userId, role: m.role === 'approver' ? 'buyer' : 'approver' }}
        label={label}
        variant="secondary"
        accessibleLabel={`把 ${m.name} ${label}`}
      />
    </span>
  );
}

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
      <Card as="section" aria-labelledby="unit-heading">
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
          <Notice tone="warning" quiet className="mt-3">
            单位注册已提交，正在等待消费扶贫办公室审核。审核通过后即可批量下单。
          </Notice>
        ) : null}
        {unit.status === 'rejected' ? (
          <Notice tone="error" quiet className="mt-3">
            审核未通过：{unit.rejectReason}。请联系个旧市消费扶贫办公室。
          </Notice>
        ) : null}
      </Card>

      <Card title="单位成员" titleId="members-heading">
        <DataTable<MemberRow>
          caption="单位成员"
          dense
          className="mt-3"
          rows={[
            ...unit.members.map((m) => ({ key: m.userId, m })),
            ...unit.pendingInvites.map((i) => ({ key: i.id, i })),
          ]}
          rowKey={(r) => r.key}
          rowClass={(r) => ('i' in r ? 'text-neutral-600' : '')}
          columns={[
            { header: '姓名', cell: (r) => ('i' in r ? r.i.inviteeName : r.m.name) },
            {
              header: '角色',
              cell: (r) =>
                'i' in r ? (
                  r.i.role && UNIT_ROLE_LABELS[r.i.role]
                ) : (
                  <>
                    {UNIT_ROLE_LABELS[r.m.role]}
                    {r.m.isAdmin ? '、管理员' : ''}
                    {isAdmin ? <RoleSwitch unitId={unit.id} m={r.m} /> : null}
                  </>
                ),
            },
            { header: '状态', cell: (r) => ('i' in r ? '已邀请，待接受' : r.m.active ? '正常' : '已停用') },
          ]}
        />
        {isAdmin ? (
          <>
            <h3 className="mt-5 font-medium">邀请成员</h3>
            <ActionForm
              action={inviteUnitMemberAction}
              submitLabel="生成邀请链接"
              className="mt-2"
              fields={[
                hiddenField('unitId', unit.id),
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
      </Card>
    </div>
  );
}
