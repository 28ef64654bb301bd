'use server';

import { acceptInvite } from '@/lib/accounts/invites';
import { hashPassword } from '@/lib/auth/password';
import { acceptInviteSchema } from '@/lib/validation/accounts';
import { validatedAction } from './safe-action';

/** Accepting an invitation creates the account and the membership; the token works once. */
export const acceptInviteAction = validatedAction(acceptInviteSchema, async ({ token, name, login, password }) => {
  await acceptInvite({ token, name, login, passwordHash: await hashPassword(password) });
  return { ok: true, message: '账号已创建，请登录' };
});
