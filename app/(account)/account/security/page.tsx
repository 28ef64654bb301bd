import type { Metadata } from 'next';
import { StreamedPage } from '@/components/layout/page-frame';
import { NEW_PASSWORD_TWICE } from '@/components/auth/new-account';
import { ActionForm } from '@/components/forms/action-form';
import { Card } from '@/components/ui/card';
import { changePasswordAction } from '@/lib/actions/accounts';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '账户安全', robots: { index: false } };

export default function SecurityPage() {
  return (
    <StreamedPage title="账户安全" width="max-w-md">
      <ChangePassword />
    </StreamedPage>
  );
}

async function ChangePassword() {
  const user = await pageUser('/account/security');
  return (
    <Card title="修改密码" titleId="pw-heading">
      <p className="mt-1 text-sm text-neutral-700">{user.name}，修改后所有设备上的登录都会退出，请用新密码重新登录。</p>
      <ActionForm
        className="mt-3"
        action={changePasswordAction}
        submitLabel="修改密码"
        fields={[
          { name: 'current', label: '当前密码', type: 'password', autoComplete: 'current-password', wide: true },
          ...NEW_PASSWORD_TWICE,
        ]}
      />
    </Card>
  );
}
