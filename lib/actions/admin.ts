'use server';

import { createInvite } from '@/lib/accounts/invites';
import { createSupplier } from '@/lib/accounts/suppliers';
import { decideUnit } from '@/lib/accounts/units';
import { setUserActive } from '@/lib/accounts/users';
import { requireAdmin } from '@/lib/auth/guards';
import {
  createSupplierSchema,
  inviteSupplierManagerSchema,
  rejectUnitSchema,
  setUserActiveSchema,
  unitIdSchema,
} from '@/lib/validation/accounts';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

export const verifyUnitAction = validatedAction(unitIdSchema, async ({ unitId }) => {
  const admin = await requireAdmin();
  if (!(await decideUnit({ unitId, actorId: admin.id, decision: 'verified' })))
    throw new AppError('not_found', '该单位不在待审核状态');
  invalidate.unit();
  return { ok: true, message: '已通过单位审核' };
});

export const rejectUnitAction = validatedAction(rejectUnitSchema, async ({ unitId, reason }) => {
  const admin = await requireAdmin();
  if (!(await decideUnit({ unitId, actorId: admin.id, decision: 'rejected', reason })))
    throw new AppError('not_found', '该单位不在待审核状态');
  invalidate.unit();
  return { ok: true, message: '已驳回单位注册' };
});

export const createSupplierAction = validatedAction(createSupplierSchema, async (s) => {
  const admin = await requireAdmin();
  await createSupplier({ actorId: admin.id, s });
  invalidate.supplier();
  return { ok: true, message: '供应商已创建' };
});

export const inviteSupplierManagerAction = validatedAction(
  inviteSupplierManagerSchema,
  async ({ supplierId, inviteeName }) => {
    const admin = await requireAdmin();
    const token = await createInvite({ kind: 'supplier_manager', supplierId, inviteeName, createdBy: admin.id });
    invalidate.supplierManagers();
    return { ok: true, message: '邀请已生成，请把链接发给供应商管理员', data: { invitePath: `/invite/${token}` } };
  },
);

export const setUserActiveAction = validatedAction(setUserActiveSchema, async ({ userId, active }) => {
  const admin = await requireAdmin();
  if (userId === admin.id && !active) throw new AppError('invalid_input', '不能停用自己的账号');
  if (!(await setUserActive({ userId, active, actorId: admin.id }))) throw new AppError('not_found', '用户不存在');
  invalidate.user();
  return { ok: true, message: active ? '账号已启用' : '账号已停用，立即生效' };
});
