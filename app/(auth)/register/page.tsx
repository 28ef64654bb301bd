import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { ActionForm } from '@/components/forms/action-form';
import { registerAction } from '@/lib/actions/accounts';
import { Card } from '@/components/ui/card';
import { GoToLogin, NEW_PASSWORD_FIELD } from '@/components/auth/new-account';

export const metadata: Metadata = { title: '注册' };

export default function RegisterPage() {
  return (
    <div className="mx-auto max-w-md px-4 py-8">
      <h1 className="text-2xl font-bold">注册</h1>
      <p className="mt-1 text-neutral-700">用邮箱或手机号注册，购买认定扶贫产品、查看订单。</p>
      <Card className="mt-4">
        <ActionForm
          action={registerAction}
          submitLabel="注册"
          fields={[
            { name: 'name', label: '称呼', autoComplete: 'name', wide: true },
            { name: 'login', label: '邮箱或手机号', autoComplete: 'username', wide: true },
            NEW_PASSWORD_FIELD,
          ]}
          successHint={<GoToLogin />}
        />
      </Card>
      <p className="mt-4 text-sm text-neutral-700">
        行政、事业单位批量采购请
        <IntentLink href="/register/unit" className="font-medium text-brand-700 underline underline-offset-2">
          注册单位
        </IntentLink>
        。
      </p>
    </div>
  );
}
