import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertUnitMember, insertUser } from '@/db/queries/accounts';
import { insertUnit } from '@/db/queries/units';
import { transaction } from '@/db/tx';
import type { UnitType } from '@/domain/accounts';
import { encryptText } from '@/lib/crypto/pii';
import { AppError, asConstraintError } from '@/lib/errors';
import { loginColumns } from './login-key';

/** 注册: public buyers, and government units with their first member. */

export type NewLogin = { name: string; login: string; passwordHash: string };

/** The login (e-mail or mobile) belongs to an account already. */
export const loginTaken = () =>
  new AppError('conflict', '该邮箱或手机号已注册', { login: '该邮箱或手机号已注册，请直接登录' });

export async function createBuyer({ name, login, passwordHash }: NewLogin): Promise<string> {
  try {
    return await transaction(async (tx) => {
      const id = await insertUser({ name, passwordHash, role: 'buyer', ...loginColumns(login) }, tx);
      await recordAudit({ actorUserId: id, action: 'register', entity: 'user', entityId: id }, tx);
      return id;
    });
  } catch (e) {
    throw asConstraintError(e, { unique: loginTaken() });
  }
}

/** A unit registers itself and its first member (the unit's admin). It stays pending until verified. */
export async function createUnitWithAdmin(input: {
  unitName: string;
  creditCode: string;
  unitType: UnitType;
  parentUnitId: string | null;
  contactName: string;
  contactMobile: string;
  login: string;
  passwordHash: string;
}): Promise<{ userId: string; unitId: string }> {
  try {
    return await transaction(async (tx) => {
      const userId = await insertUser(
        {
          name: input.contactName,
          passwordHash: input.passwordHash,
          role: 'unit_member',
          ...loginColumns(input.login),
        },
        tx,
      );
      const unitId = await insertUnit(
        {
          name: input.unitName,
          creditCode: input.creditCode,
          type: input.unitType,
          parentUnitId: input.parentUnitId,
          contactName: input.contactName,
          contactMobileEnc: encryptText(input.contactMobile),
        },
        tx,
      );
      await insertUnitMember({ unitId, userId, role: 'buyer', isAdmin: true }, tx);
      await recordAudit(
        {
          actorUserId: userId,
          action: 'unit.register',
          entity: 'unit',
          entityId: unitId,
          data: { creditCode: input.creditCode },
        },
        tx,
      );
      return { userId, unitId };
    });
  } catch (e) {
    throw asConstraintError(e, {
      unique: new AppError('conflict', '该单位或账号已注册', { creditCode: '该统一社会信用代码或登录账号已注册' }),
    });
  }
}
