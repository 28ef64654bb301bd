import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { UnitMemberRole } from '@/domain/accounts';
import { getDb, type Executor } from '../client';
import { invites, unitMembers, units, users } from '../schema';

/** Government units (采购单位), their members and pending invitations. */

export async function insertUnit(values: typeof units.$inferInsert, tx: Executor): Promise<string> {
  const [unit] = await tx.insert(units).values(values).returning({ id: units.id });
  return unit!.id;
}

export async function getUnitRecord({ unitId }: { unitId: string }, db: Executor = getDb()) {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  return unit ?? null;
}

export async function listUnitMembers({ unitId }: { unitId: string }) {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      role: unitMembers.role,
      isAdmin: unitMembers.isAdmin,
      active: users.active,
    })
    .from(unitMembers)
    .innerJoin(users, eq(users.id, unitMembers.userId))
    .where(eq(unitMembers.unitId, unitId))
    .orderBy(asc(unitMembers.createdAt));
}

export async function listPendingUnitInvites({ unitId }: { unitId: string }) {
  return getDb()
    .select({
      id: invites.id,
      inviteeName: invites.inviteeName,
      role: invites.unitRole,
      isAdmin: invites.unitAdmin,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .where(and(eq(invites.unitId, unitId), isNull(invites.acceptedAt), sql`${invites.expiresAt} > now()`));
}

/** Returns whether the user is a member of the unit. */
export async function setUnitMemberRoleRow(
  { unitId, userId, role }: { unitId: string; userId: string; role: UnitMemberRole },
  tx: Executor,
): Promise<boolean> {
  const r = await tx
    .update(unitMembers)
    .set({ role })
    .where(and(eq(unitMembers.unitId, unitId), eq(unitMembers.userId, userId)))
    .returning({ userId: unitMembers.userId });
  return r.length > 0;
}

export async function listUnitsForReview() {
  return getDb()
    .select({
      id: units.id,
      name: units.name,
      creditCode: units.creditCode,
      type: units.type,
      status: units.status,
      contactName: units.contactName,
      createdAt: units.createdAt,
      rejectReason: units.rejectReason,
    })
    .from(units)
    .orderBy(sql`case ${units.status} when 'pending' then 0 when 'rejected' then 1 else 2 end`, desc(units.createdAt))
    .limit(200);
}

export async function listVerifiedUnitsForSelect() {
  return getDb()
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.status, 'verified'))
    .orderBy(asc(units.name));
}

/** Verification decisions apply only to pending units; returns whether the unit changed. */
export async function setUnitDecision(
  { unitId, decision, reason }: { unitId: string; decision: 'verified' | 'rejected'; reason?: string },
  tx: Executor,
): Promise<boolean> {
  const r = await tx
    .update(units)
    .set(
      decision === 'verified'
        ? { status: 'verified', verifiedAt: sql`now()`, rejectReason: null }
        : { status: 'rejected', rejectReason: reason ?? '' },
    )
    .where(and(eq(units.id, unitId), eq(units.status, 'pending')))
    .returning({ id: units.id });
  return r.length > 0;
}
