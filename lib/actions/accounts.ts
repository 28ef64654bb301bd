'use server';

import { revalidatePath } from 'next/cache';
import { addAddress, createBuyer, deleteAddress } from '@/db/queries/accounts';
import { recordAudit } from '@/db/queries/audit';
import { signOut } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guards';
import { hashPassword } from '@/lib/auth/password';
import { addressSchema, idSchema, registerSchema } from '@/lib/validation/accounts';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { pgErrorCode } from '@/db/tx';
import { validatedAction } from './safe-action';

/** 注册: a public buyer account. The person then signs in with it. */
export const registerAction = validatedAction(registerSchema, async (input) => {
  try {
    await createBuyer({ name: input.name, login: input.login, passwordHash: await hashPassword(input.password) });
  } catch (e) {
    if (pgErrorCode(e) === '23505')
      throw new AppError('conflict', '该邮箱或手机号已注册', { login: '该邮箱或手机号已注册，请直接登录' });
    throw e;
  }
  return { ok: true, message: '注册成功，请登录' };
});

export const addAddressAction = validatedAction(addressSchema, async (a) => {
  const user = await requireUser();
  try {
    await addAddress({ userId: user.id, a });
  } catch (e) {
    if ((e as { code?: string }).code === 'too_many') throw new AppError('invalid_input', '最多保存 20 个收货地址');
    throw e;
  }
  revalidatePath('/account');
  return { ok: true, message: '地址已保存' };
});

export const deleteAddressAction = validatedAction(idSchema, async ({ id }) => {
  const user = await requireUser();
  if (!(await deleteAddress({ userId: user.id, id }))) throw new AppError('not_found', '地址不存在');
  revalidatePath('/account');
  return { ok: true, message: '地址已删除' };
});

/** 退出登录. */
export const signOutAction = validatedAction(z.object({}), async () => {
  const user = await requireUser();
  await recordAudit({ actorUserId: user.id, action: 'logout', entity: 'user', entityId: user.id });
  await signOut({ redirect: false });
  return { ok: true, message: '已退出登录' };
});
