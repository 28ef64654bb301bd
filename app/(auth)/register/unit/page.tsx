import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { listVerifiedUnitsForSelect } from '@/db/queries/units';
import { registerUnitAction } from '@/lib/actions/units';
import { UNIT_TYPE_LABELS } from '@/domain/labels';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: '单位注册' };

export default function RegisterUnitPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">单位注册</h1>
      <p className="mt-1 text-neutral-700">
        行政机关、事业单位、国有企业和群团组织凭统一社会信用代码注册。消费扶贫办公室审核通过后即可批量采购，并跟踪本单位认购目标。
      </p>
      <Card className="mt-4">
        <Suspense fallback={<div className="h-96 animate-pulse rounded-lg bg-neutral-100" aria-hidden="true" />}>
          <UnitForm />
        </Suspense>
      </Card>
    </div>
  );
}

async function UnitForm() {
  await connection();
  const parents = await listVerifiedUnitsForSelect();
  return (
    <ActionForm
      action={registerUnitAction}
      submitLabel="提交单位注册"
      fields={[
        { name: 'unitName', label: '单位名称', wide: true },
        { name: 'creditCode', label: '统一社会信用代码', hint: '18 位，含最后一位校验码', autoComplete: 'off' },
        {
          name: 'unitType',
          label: '单位类型',
          type: 'select',
          options: Object.entries(UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
        },
        {
          name: 'parentUnitId',
          label: '主管部门（可选）',
          type: 'select',
          options: [{ value: '', label: '无' }, ...parents.map((p) => ({ value: p.id, label: p.name }))],
          wide: true,
        },
        { name: 'contactName', label: '联系人', autoComplete: 'name' },
        { name: 'contactMobile', label: '联系人手机号', type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
        { name: 'login', label: '登录账号（邮箱或手机号）', autoComplete: 'username' },
        { name: 'password', label: '密码', type: 'password', autoComplete: 'new-password', hint: '至少 8 位' },
      ]}
      successHint={
        <IntentLink
          href="/login?next=/unit"
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          登录查看审核进度
        </IntentLink>
      }
    />
  );
}
