'use server';

import { addAddress } from '@/lib/accounts/addresses';
import { createBuyer } from '@/lib/accounts/registration';
import { deleteAddress } from '@/db/queries/accounts';
import { recordAudit } from '@/db/queries/audit';
import { signOut } from '@/lib/auth/auth';
import { requireUser } from '@/lib/auth/guards';
import { hashPassword } from '@/lib/auth/password';
import { addressSchema, idSchema, registerSchema } from '@/lib/validation/accounts';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 注册: a public buyer account. The person then signs in with it. */
export const registerAction = validatedAction(registerSchema, async (input) => {
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

/** 退出登录. */
export const signOutAction = validatedAction(z.object({}), async () => {
  const user = await requireUser();
  await recordAudit({ actorUserId: user.id, action: 'logout', entity: 'user', entityId: user.id });
  await signOut({ redirect: false });
  return { ok: true, message: '已退出登录' };
});
