import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { one } from '@/scripts/test-support/database';
import { ids, unique } from './world';

/**
 * Accounts for the authorization matrix to act on: users, units and their members, invites, password resets,
 * addresses.
 */

export async function pendingUnit(): Promise<string> {
  const r = await one<{ id: string }>(
    sql`insert into units (name, credit_code, type, contact_name) values (${'待审单位' + unique()}, ${'TEST' + unique()}, 'other', '测试') returning id`,
  );
  return r.id;
}
export async function newInviteToken(): Promise<string> {
  const { createInvite } = await import('@/lib/accounts/invites');
  return createInvite({
    kind: 'unit_member',
    unitId: ids.demoUnit,
    unitRole: 'buyer',
    inviteeName: '新成员',
    createdBy: ids.unitBuyer,
  });
}

export async function throwawayUser(): Promise<string> {
  return (
    await one<{ id: string }>(
      sql`insert into users (email, name, password_hash) values (${`reset-${unique()}@example.com`}, '重置测试', 'x') returning id`,
    )
  ).id;
}
export async function resetTokenFor(userId: string): Promise<string> {
  const { startPasswordReset } = await import('@/lib/accounts/passwords');
  return startPasswordReset({ userId, adminId: ids.admin });
}

/** A random valid 统一社会信用代码, for a new unit or supplier. */
export const fakeCode = async () => {
  const { withCreditCodeCheck, CREDIT_CODE_CHARSET } = await import('@/domain/credit-code');
  const body = Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('');
  return withCreditCodeCheck(`12532501${body}`);
};

/** A second, non-default address of the user; its id. */
export async function spareAddressOf(userId: string): Promise<string> {
  const { addAddress } = await import('@/lib/accounts/addresses');
  await addAddress({
    userId,
    a: {
      recipient: '临时',
      mobile: '13912340001',
      province: '云南省',
      city: '红河',
      district: '个旧市',
      detail: '临时地址',
      isDefault: false,
    },
  });
  const r = await one<{ id: string }>(
    sql`select id from addresses where user_id = ${userId} and is_default = false order by created_at desc limit 1`,
  );
  return r.id;
}

/** Separation of duties: the demo unit's approver, invited and given the role by `userId`. */
export async function approverInvitedBy(userId: string): Promise<void> {
  await getDb().execute(
    sql`update unit_members set invited_by = ${userId}, role_granted_by = ${userId} where user_id = ${ids.unitApprover}`,
  );
}
/** Every unit member as if nobody had invited them. */
export async function forgetInviters(): Promise<void> {
  await getDb().execute(sql`update unit_members set invited_by = null, role_granted_by = null`);
}
