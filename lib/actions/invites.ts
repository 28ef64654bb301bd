'use server';

import { acceptInvite } from '@/db/queries/accounts';
import { hashPassword } from '@/lib/auth/password';
import { acceptInviteSchema } from '@/lib/validation/accounts';
import { AppError } from '@/lib/errors';
import { pgErrorCode } from '@/db/tx';
import { validatedAction } from './safe-action';

/** Accepting an invitation creates the account and the membership; the token works once. */
export const acceptInviteAction = validatedAction(acceptInviteSchema, async ({ token, name, login, password }) => {
  let userId: string | null;
  try {
    userId = await acceptInvite({ token, name, login, passwordHash: await hashPassword(password) });
  } catch (e) {
    if (pgErrorCode(e) === '23505')
      throw new AppError('conflict', '该邮箱或手机号已注册', { login: '该邮箱或手机号已注册' });
    throw e;
  }
  if (!userId) throw new AppError('not_found', '邀请链接无效、已使用或已过期');
  return { ok: true, message: '账号已创建，请登录' };
});
