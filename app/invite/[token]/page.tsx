import type { Metadata } from 'next';
import { StreamedPage } from '@/components/layout/page-frame';
import { ActionForm } from '@/components/forms/action-form';
import { findOpenInvite } from '@/lib/accounts/invites';
import { acceptInviteAction } from '@/lib/actions/invites';
import { UNIT_ROLE_LABELS } from '@/domain/labels';
import { Card } from '@/components/ui/card';
import { DeadLink, GoToLogin, NEW_PASSWORD_FIELD } from '@/components/auth/new-account';
import { hiddenField } from '@/components/forms/fields';

export const metadata: Metadata = { title: '接受邀请', robots: { index: false } };

type Params = Promise<{ token: string }>;

export default function InvitePage({ params }: { params: Params }) {
  return (
    <StreamedPage title="接受邀请" width="max-w-md" roomy>
      <Invite params={params} />
    </StreamedPage>
  );
}

async function Invite({ params }: { params: Params }) {
  const { token } = await params;
  const found = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findOpenInvite({ token }) : null;
  if (!found) {
    return <DeadLink title="邀请链接无效、已使用或已过期" hint="请联系邀请您的单位管理员或消费扶贫办公室重新发送。" />;
  }
  const what =
    found.invite.kind === 'unit_member'
      ? `${found.unitName} 的${UNIT_ROLE_LABELS[found.invite.unitRole ?? 'buyer']}${found.invite.unitAdmin ? '（管理员）' : ''}`
      : found.invite.kind === 'payout_reviewer'
        ? `${found.townshipName} 的带贫核实员`
        : `${found.supplierName} 的管理员`;
  return (
    <Card>
      <p className="mb-4 text-neutral-800">
        您受邀成为 <strong>{what}</strong>。设置登录账号后即可使用。
      </p>
      <ActionForm
        action={acceptInviteAction}
        submitLabel="创建账号"
        fields={[
          hiddenField('token', token),
          { name: 'name', label: '姓名', defaultValue: found.invite.inviteeName, wide: true },
          { name: 'login', label: '登录账号（邮箱或手机号）', autoComplete: 'username', wide: true },
          NEW_PASSWORD_FIELD,
        ]}
        successHint={<GoToLogin />}
      />
    </Card>
  );
}
