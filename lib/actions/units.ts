'use server';

import { createInvite } from '@/lib/accounts/invites';
import { createUnitWithAdmin } from '@/lib/accounts/registration';
import { setUnitMemberRole } from '@/lib/accounts/units';
import { requireUnitAdmin } from '@/lib/auth/guards';
import { hashPassword } from '@/lib/auth/password';
import { inviteUnitMemberSchema, registerUnitSchema, setUnitMemberRoleSchema } from '@/lib/validation/accounts';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** A unit registers itself and its first member (the unit's admin). It stays pending until verified. */
export const registerUnitAction = validatedAction(registerUnitSchema, async (input) => {
  await createUnitWithAdmin({ ...input, passwordHash: await hashPassword(input.password) });
  return { ok: true, message: '单位注册已提交，请登录查看审核进度' };
});

/** A unit administrator invites a 采购员 or 审批人 (optionally also an administrator). Returns the one-time link. */
export const inviteUnitMemberAction = validatedAction(
  inviteUnitMemberSchema,
  async ({ unitId, role, isAdmin, inviteeName }) => {
    const user = await requireUnitAdmin(unitId);
    const token = await createInvite({
      kind: 'unit_member',
      unitId,
      unitRole: role,
      unitAdmin: isAdmin,
      inviteeName,
      createdBy: user.id,
    });
    invalidate.unitMembers();
    return {
      ok: true,
      message: '邀请已生成，请把链接发给对方（14 天内有效，只能使用一次）',
      data: { invitePath: `/invite/${token}` },
    };
  },
);

/** A unit administrator changes a member between 采购员 and 审批人. It takes effect at the member's next action. */
export const setUnitMemberRoleAction = validatedAction(setUnitMemberRoleSchema, async ({ unitId, userId, role }) => {
  const admin = await requireUnitAdmin(unitId);
  if (!(await setUnitMemberRole({ unitId, userId, role, actorId: admin.id })))
    throw new AppError('not_found', '该成员不属于本单位');
  invalidate.unitMembers();
  return { ok: true, message: role === 'approver' ? '已改为审批人' : '已改为采购员' };
});
