'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { addAddress } from '@/lib/accounts/addresses';
import { changePassword, endAllSessions, resetPassword } from '@/lib/accounts/passwords';
import { createBuyer } from '@/lib/accounts/registration';
import { deleteAddress } from '@/db/queries/accounts';
import { signOut } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guards';
import { hashPassword } from '@/lib/auth/password';
import { clientAddress } from '@/lib/http/client-address';
import { consume } from '@/lib/security/rate-limit';
import {
  addressSchema,
  changePasswordSchema,
  idSchema,
  registerSchema,
  resetPasswordSchema,
} from '@/lib/validation/accounts';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 注册: a public buyer account. The person then signs in with it. Attempts are limited per client address. */
export const registerAction = validatedAction(registerSchema, async (input) => {
  await consume('register', clientAddress(await headers()));
  await createBuyer({ name: input.name, login: input.login, passwordHash: await hashPassword(input.password) });
  return { ok: true, message: '注册成功，请登录' };
});

export const addAddressAction = validatedAction(addressSchema, async (a) => {
  const user = await requireUser();
  await addAddress({ userId: user.id, a });
  invalidate.addresses();
  return { ok: true, message: '地址已保存' };
});

export const deleteAddressAction = validatedAction(idSchema, async ({ id }) => {
  const user = await requireUser();
  if (!(await deleteAddress({ userId: user.id, id }))) throw new AppError('not_found', '地址不存在');
  invalidate.addresses();
  return { ok: true, message: '地址已删除' };
});

/** 退出登录: ends every session of the account, also a copied cookie. */
export const signOutAction = validatedAction(z.object({}), async () => {
  const user = await requireUser();
  await endAllSessions({ userId: user.id });
  await signOut({ redirect: false });
  return { ok: true, message: '已退出登录' };
});

/** 修改密码 (/account/security): the current password, then a new one; every session ends, including this one. */
export const changePasswordAction = validatedAction(changePasswordSchema, async ({ current, password }) => {
  const user = await requireUser();
  await changePassword({ userId: user.id, current, next: password });
  await signOut({ redirect: false });
  redirect('/login?error=password_changed');
});

/** A reset link from the programme office (/reset/[token]): a new password, once. */
export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, password }) => {
  await resetPassword({ token, password });
  return { ok: true, message: '密码已重设，请用新密码登录' };
});
