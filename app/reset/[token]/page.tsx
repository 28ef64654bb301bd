import type { Metadata } from 'next';
import { StreamedPage } from '@/components/layout/page-frame';
import { DeadLink, GoToLogin, NEW_PASSWORD_TWICE } from '@/components/auth/new-account';
import { ActionForm } from '@/components/forms/action-form';
import { hiddenField } from '@/components/forms/fields';
import { Card } from '@/components/ui/card';
import { findPasswordReset } from '@/lib/accounts/passwords';
import { resetPasswordAction } from '@/lib/actions/accounts';

export const metadata: Metadata = { title: '重置密码', robots: { index: false }, referrer: 'no-referrer' };

type Params = Promise<{ token: string }>;

/** The one-time link the programme office hands a user (/admin/users → 重置密码). */
export default function ResetPage({ params }: { params: Params }) {
  return (
    <StreamedPage title="重置密码" width="max-w-md" roomy>
      <Reset params={params} />
    </StreamedPage>
  );
}

async function Reset({ params }: { params: Params }) {
  const { token } = await params;
  const found = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findPasswordReset({ token }) : null;
  if (!found?.active) {
    return <DeadLink title="重置链接无效、已使用或已过期" hint="请联系个旧市消费扶贫办公室重新生成。" />;
  }
  return (
    <Card>
      <p className="mb-4 text-neutral-800">
        为 <strong>{found.name}</strong> 设置新密码。设置后，此前所有设备上的登录都会退出。
      </p>
      <ActionForm
        action={resetPasswordAction}
        submitLabel="重置密码"
        fields={[hiddenField('token', token), ...NEW_PASSWORD_TWICE]}
        successHint={<GoToLogin />}
      />
    </Card>
  );
}
