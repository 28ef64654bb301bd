import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/db/queries/audit';
import {
  claimInvite,
  findOpenInviteByHash,
  insertInvite,
  insertSupplierMember,
  insertUnitMember,
  insertUser,
  setInviteAcceptedBy,
} from '@/db/queries/accounts';
import { insertBenefitReviewer } from '@/db/queries/benefit-reviewers';
import { transaction } from '@/db/tx';
import type { InviteKind, UnitMemberRole } from '@/domain/accounts';
import { AppError, asConstraintError } from '@/lib/errors';
import { loginColumns } from './login-key';
import { loginTaken, type NewLogin } from './registration';

/** Invitations: a one-time link (only its hash is stored) to join a unit or to manage a supplier. */

const INVITE_DAYS = 14;
const INVITE_ENTITY = { unit_member: 'unit', supplier_manager: 'supplier', payout_reviewer: 'township' } as const;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates an invitation and returns its token, shown once. */
export async function createInvite(input: {
  kind: InviteKind;
  unitId?: string;
  unitRole?: UnitMemberRole;
  unitAdmin?: boolean;
  supplierId?: number;
  townshipSlug?: string;
  inviteeName: string;
  createdBy: string;
}): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  try {
    await transaction(async (tx) => {
      const expiresAt = new Date(Date.now() + INVITE_DAYS * 86_400_000);
      const id = await insertInvite({ ...input, tokenHash: hashToken(token), expiresAt }, tx);
      await recordAudit(
        {
          actorUserId: input.createdBy,
          action: 'invite.create',
          entity: INVITE_ENTITY[input.kind],
          entityId: String(input.unitId ?? input.supplierId ?? input.townshipSlug),
          data: { inviteId: id, role: input.unitRole ?? (input.kind === 'payout_reviewer' ? 'reviewer' : 'manager') },
        },
        tx,
      );
    });
  } catch (e) {
    const what = { unit_member: '单位不存在', supplier_manager: '供应商不存在', payout_reviewer: '乡镇（街道）不存在' }[
      input.kind
    ];
    throw asConstraintError(e, { foreignKey: new AppError('not_found', what) });
  }
  return token;
}

export async function findOpenInvite({ token }: { token: string }) {
  return findOpenInviteByHash({ tokenHash: hashToken(token) });
}

/** Accepts an invitation once: creates the account and the membership in one transaction. */
export async function acceptInvite({
  token,
  name,
  login,
  passwordHash,
}: NewLogin & { token: string }): Promise<string> {
  try {
    return await transaction(async (tx) => {
      const inv = await claimInvite({ tokenHash: hashToken(token) }, tx);
      if (!inv) throw new AppError('not_found', '邀请链接无效、已使用或已过期');
      const role = (
        { unit_member: 'unit_member', supplier_manager: 'supplier_manager', payout_reviewer: 'reviewer' } as const
      )[inv.kind];
      const userId = await insertUser({ name, passwordHash, role, ...loginColumns(login) }, tx);
      if (inv.kind === 'unit_member')
        await insertUnitMember(
          {
            unitId: inv.unitId!,
            userId,
            role: inv.unitRole!,
            isAdmin: inv.unitAdmin,
            invitedBy: inv.createdBy,
            roleGrantedBy: inv.createdBy,
          },
          tx,
        );
      else if (inv.kind === 'payout_reviewer')
        await insertBenefitReviewer({ userId, townshipSlug: inv.townshipSlug! }, tx);
      else await insertSupplierMember({ supplierId: inv.supplierId!, userId }, tx);
      await setInviteAcceptedBy({ id: inv.id, userId }, tx);
      await recordAudit(
        {
          actorUserId: userId,
          action: 'invite.accept',
          entity: INVITE_ENTITY[inv.kind],
          entityId: String(inv.unitId ?? inv.supplierId ?? inv.townshipSlug),
          data: { inviteId: inv.id },
        },
        tx,
      );
      return userId;
    });
  } catch (e) {
    throw asConstraintError(e, { unique: loginTaken() });
  }
}
