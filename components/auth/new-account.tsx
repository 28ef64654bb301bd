import Link from 'next/link';
import type { FieldSpec } from '../forms/action-form';

/** The password field of every form that creates an account (注册, 接受邀请). */
export const NEW_PASSWORD_FIELD: FieldSpec = {
  name: 'password',
  label: '密码',
  type: 'password',
  autoComplete: 'new-password',
  hint: '至少 8 位',
  wide: true,
};

/** Shown once the account exists. */
export function GoToLogin() {
  return (
    <Link
      href="/login"
      className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
    >
      去登录
    </Link>
  );
}
