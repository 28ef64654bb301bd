import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  getUnitRecord,
  listPendingUnitInvites,
  listUnitMembers,
  setUnitDecision,
  setUnitMemberRoleRow,
} from '@/db/queries/units';
import { transaction } from '@/db/tx';
import { maskMobile } from '@/domain/phone';
import { decryptText } from '@/lib/crypto/pii';

/** A unit's page for its members, its administrators' member changes, and the office's verification. */

export async function getUnitOverview({ unitId }: { unitId: string }) {
  const unit = await getUnitRecord({ unitId });
  if (!unit) return null;
  const [members, pendingInvites] = await Promise.all([
    listUnitMembers({ unitId }),
    listPendingUnitInvites({ unitId }),
  ]);
  return {
    id: unit.id,
    name: unit.name,
    creditCode: unit.creditCode,
    type: unit.type,
    status: unit.status,
    rejectReason: unit.rejectReason,
    contactName: unit.contactName,
    contactMobileMasked: unit.contactMobileEnc ? maskMobile(decryptText(unit.contactMobileEnc)) : '',
    members,
    pendingInvites,
  };
}

/** Changes a member's role within one unit; returns whether the member exists there. */
export async function setUnitMemberRole(p: {
  unitId: string;
  userId: string;
  role: 'buyer' | 'approver';
  actorId: string;
}): Promise<boolean> {
  return transaction(async (tx) => {
    if (!(await setUnitMemberRoleRow(p, tx))) return false;
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'unit.member_role',
        entity: 'unit',
        entityId: p.unitId,
        data: { userId: p.userId, role: p.role },
      },
      tx,
    );
    return true;
  });
}

/** Verification decisions apply only to pending units; returns whether the unit changed. */
export async function decideUnit(p: {
  unitId: string;
  actorId: string;
  decision: 'verified' | 'rejected';
  reason?: string;
}): Promise<boolean> {
  return transaction(async (tx) => {
    if (!(await setUnitDecision(p, tx))) return false;
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: p.decision === 'verified' ? 'unit.verify' : 'unit.reject',
        entity: 'unit',
        entityId: p.unitId,
        data: p.reason ? { reason: p.reason } : undefined,
      },
      tx,
    );
    return true;
  });
}
