import { IntentLink } from '@/components/layout/intent-link';
import type { FieldSpec } from '../forms/action-form';
import { Card } from '../ui/card';

/** The password field of every form that sets a new password (注册, 接受邀请, 修改密码, 重置密码). */
export const NEW_PASSWORD_FIELD: FieldSpec = {
  name: 'password',
  label: '密码',
  type: 'password',
  autoComplete: 'new-password',
  hint: '至少 10 位，不能是常见密码（如 12345678、password）',
  wide: true,
};

/** The new password typed twice (修改密码, 重置密码). */
export const NEW_PASSWORD_TWICE: FieldSpec[] = [
  { ...NEW_PASSWORD_FIELD, label: '新密码' },
  { name: 'confirm', label: '再次输入新密码', type: 'password', autoComplete: 'new-password', wide: true },
];

/** Shown once the account exists. */
export function GoToLogin() {
  return (
    <IntentLink
      href="/login"
      className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
    >
      去登录
    </IntentLink>
  );
}

/** A one-time link (an invitation, a password reset) that is unknown, used or expired, and whom to ask. */
export function DeadLink({ title, hint }: { title: string; hint: string }) {
  return (
    <Card role="alert">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 text-neutral-700">{hint}</p>
    </Card>
  );
}
