import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { decryptText, encryptText } from '@/lib/crypto/pii';
import { maskMobile } from '@/domain/phone';
import { getDb } from '../client';
import { addresses, invites, supplierMembers, suppliers, townships, unitMembers, units, users } from '../schema';
import { recordAudit } from './audit';
import { loginKey } from './users';
import type { InviteKind, SupplierType, UnitType } from '@/domain/accounts';

const INVITE_DAYS = 14;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

type NewLogin = { name: string; login: string; passwordHash: string };

function loginColumns(login: string) {
  const key = loginKey(login);
  return key.email ? { email: key.email } : { mobileHash: key.mobileHash!, mobileEnc: encryptText(login) };
}

export async function createBuyer({ name, login, passwordHash }: NewLogin): Promise<string> {
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ name, passwordHash, role: 'buyer', ...loginColumns(login) })
      .returning({ id: users.id });
    await recordAudit({ actorUserId: u!.id, action: 'register', entity: 'user', entityId: u!.id }, tx);
    return u!.id;
  });
}

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
  return getDb().transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        name: input.contactName,
        passwordHash: input.passwordHash,
        role: 'unit_member',
        ...loginColumns(input.login),
      })
      .returning({ id: users.id });
    const [unit] = await tx
      .insert(units)
      .values({
        name: input.unitName,
        creditCode: input.creditCode,
        type: input.unitType,
        parentUnitId: input.parentUnitId,
        contactName: input.contactName,
        contactMobileEnc: encryptText(input.contactMobile),
      })
      .returning({ id: units.id });
    await tx.insert(unitMembers).values({ unitId: unit!.id, userId: u!.id, role: 'buyer', isAdmin: true });
    await recordAudit(
      {
        actorUserId: u!.id,
        action: 'unit.register',
        entity: 'unit',
        entityId: unit!.id,
        data: { creditCode: input.creditCode },
      },
      tx,
    );
    return { userId: u!.id, unitId: unit!.id };
  });
}

export async function listAddresses({ userId }: { userId: string }) {
  const rows = await getDb()
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
  return rows.map((r) => ({
    id: r.id,
    recipient: decryptText(r.recipientEnc),
    mobile: decryptText(r.mobileEnc),
    province: r.province,
    city: r.city,
    district: r.district,
    detail: decryptText(r.detailEnc),
    isDefault: r.isDefault,
  }));
}

export async function addAddress({
  userId,
  a,
}: {
  userId: string;
  a: {
    recipient: string;
    mobile: string;
    province: string;
    city: string;
    district: string;
    detail: string;
    isDefault: boolean;
  };
}) {
  await getDb().transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(addresses)
      .where(eq(addresses.userId, userId));
    if (n >= 20) throw Object.assign(new Error('too many addresses'), { code: 'too_many' });
    const makeDefault = a.isDefault || n === 0;
    if (makeDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    await tx.insert(addresses).values({
      userId,
      recipientEnc: encryptText(a.recipient),
      mobileEnc: encryptText(a.mobile),
      province: a.province,
      city: a.city,
      district: a.district,
      detailEnc: encryptText(a.detail),
      isDefault: makeDefault,
    });
  });
}

/** Deletes only the caller's own address; returns whether one was deleted. */
export async function deleteAddress({ userId, id }: { userId: string; id: string }): Promise<boolean> {
  const r = await getDb()
    .delete(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
    .returning({ id: addresses.id });
  return r.length > 0;
}

export async function createInvite(input: {
  kind: InviteKind;
  unitId?: string;
  unitRole?: 'buyer' | 'approver';
  unitAdmin?: boolean;
  supplierId?: number;
  inviteeName: string;
  createdBy: string;
}): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await getDb().transaction(async (tx) => {
    const [inv] = await tx
      .insert(invites)
      .values({ ...input, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITE_DAYS * 86_400_000) })
      .returning({ id: invites.id });
    await recordAudit(
      {
        actorUserId: input.createdBy,
        action: 'invite.create',
        entity: input.kind === 'unit_member' ? 'unit' : 'supplier',
        entityId: String(input.unitId ?? input.supplierId),
        data: { inviteId: inv!.id, role: input.unitRole ?? 'manager' },
      },
      tx,
    );
  });
  return token;
}

export async function findOpenInvite({ token }: { token: string }) {
  const [inv] = await getDb()
    .select({ invite: invites, unitName: units.name, supplierName: suppliers.name })
    .from(invites)
    .leftJoin(units, eq(units.id, invites.unitId))
    .leftJoin(suppliers, eq(suppliers.id, invites.supplierId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.acceptedAt), sql`${invites.expiresAt} > now()`))
    .limit(1);
  return inv ?? null;
}

/** Accepts an invitation once: creates the account and the membership in one transaction. */
export async function acceptInvite({
  token,
  name,
  login,
  passwordHash,
}: NewLogin & { token: string }): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    const [inv] = await tx
      .update(invites)
      .set({ acceptedAt: sql`now()` })
      .where(
        and(eq(invites.tokenHash, hashToken(token)), isNull(invites.acceptedAt), sql`${invites.expiresAt} > now()`),
      )
      .returning();
    if (!inv) return null;
    const role = inv.kind === 'unit_member' ? 'unit_member' : 'supplier_manager';
    const [u] = await tx
      .insert(users)
      .values({ name, passwordHash, role, ...loginColumns(login) })
      .returning({ id: users.id });
    if (inv.kind === 'unit_member')
      await tx
        .insert(unitMembers)
        .values({ unitId: inv.unitId!, userId: u!.id, role: inv.unitRole!, isAdmin: inv.unitAdmin });
    else await tx.insert(supplierMembers).values({ supplierId: inv.supplierId!, userId: u!.id });
    await tx.update(invites).set({ acceptedBy: u!.id }).where(eq(invites.id, inv.id));
    await recordAudit(
      {
        actorUserId: u!.id,
        action: 'invite.accept',
        entity: inv.kind === 'unit_member' ? 'unit' : 'supplier',
        entityId: String(inv.unitId ?? inv.supplierId),
        data: { inviteId: inv.id },
      },
      tx,
    );
    return u!.id;
  });
}

export async function getUnitOverview({ unitId }: { unitId: string }) {
  const db = getDb();
  const [unit] = await db.select().from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) return null;
  const members = await db
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
  const pendingInvites = await db
    .select({
      id: invites.id,
      inviteeName: invites.inviteeName,
      role: invites.unitRole,
      isAdmin: invites.unitAdmin,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .where(and(eq(invites.unitId, unitId), isNull(invites.acceptedAt), sql`${invites.expiresAt} > now()`));
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
export async function setUnitMemberRole({
  unitId,
  userId,
  role,
  actorId,
}: {
  unitId: string;
  userId: string;
  role: 'buyer' | 'approver';
  actorId: string;
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const r = await tx
      .update(unitMembers)
      .set({ role })
      .where(and(eq(unitMembers.unitId, unitId), eq(unitMembers.userId, userId)))
      .returning({ userId: unitMembers.userId });
    if (!r.length) return false;
    await recordAudit(
      { actorUserId: actorId, action: 'unit.member_role', entity: 'unit', entityId: unitId, data: { userId, role } },
      tx,
    );
    return true;
  });
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
export async function decideUnit({
  unitId,
  actorId,
  decision,
  reason,
}: {
  unitId: string;
  actorId: string;
  decision: 'verified' | 'rejected';
  reason?: string;
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const r = await tx
      .update(units)
      .set(
        decision === 'verified'
          ? { status: 'verified', verifiedAt: sql`now()`, rejectReason: null }
          : { status: 'rejected', rejectReason: reason ?? '' },
      )
      .where(and(eq(units.id, unitId), eq(units.status, 'pending')))
      .returning({ id: units.id });
    if (!r.length) return false;
    await recordAudit(
      {
        actorUserId: actorId,
        action: decision === 'verified' ? 'unit.verify' : 'unit.reject',
        entity: 'unit',
        entityId: unitId,
        data: reason ? { reason } : undefined,
      },
      tx,
    );
    return true;
  });
}

export async function listUsersForAdmin() {
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      mobileEnc: users.mobileEnc,
      role: users.role,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .orderBy(asc(users.createdAt))
    .limit(500);
  return rows.map(({ mobileEnc, ...r }) => ({
    ...r,
    mobileMasked: mobileEnc ? maskMobile(decryptText(mobileEnc)) : null,
  }));
}

export async function setUserActive({
  userId,
  active,
  actorId,
}: {
  userId: string;
  active: boolean;
  actorId: string;
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const r = await tx.update(users).set({ active }).where(eq(users.id, userId)).returning({ id: users.id });
    if (!r.length) return false;
    await recordAudit(
      { actorUserId: actorId, action: active ? 'user.activate' : 'user.deactivate', entity: 'user', entityId: userId },
      tx,
    );
    return true;
  });
}

export async function listSuppliersForAdmin() {
  const db = getDb();
  const rows = await db
    .select({
      id: suppliers.id,
      slug: suppliers.slug,
      name: suppliers.name,
      type: suppliers.type,
      townshipName: townships.name,
      households: suppliers.povertyHouseholds,
    })
    .from(suppliers)
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug))
    .orderBy(asc(suppliers.id));
  const managers = await db
    .select({ supplierId: supplierMembers.supplierId, name: users.name, active: users.active })
    .from(supplierMembers)
    .innerJoin(users, eq(users.id, supplierMembers.userId));
  return rows.map((s) => ({ ...s, managers: managers.filter((m) => m.supplierId === s.id) }));
}

export async function createSupplier({
  actorId,
  s,
}: {
  actorId: string;
  s: {
    name: string;
    slug: string;
    type: SupplierType;
    townshipSlug: string;
    creditCode: string;
    povertyHouseholds: number;
    benefitShareBps: number;
    benefitMechanism: string;
    description: string;
    address: string;
  };
}): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(suppliers).values(s).returning({ id: suppliers.id });
    await recordAudit(
      {
        actorUserId: actorId,
        action: 'supplier.create',
        entity: 'supplier',
        entityId: String(row!.id),
        data: { slug: s.slug },
      },
      tx,
    );
    return row!.id;
  });
}

export async function getSupplierForManager({ supplierId }: { supplierId: number }) {
  const [s] = await getDb()
    .select({
      id: suppliers.id,
      slug: suppliers.slug,
      name: suppliers.name,
      type: suppliers.type,
      description: suppliers.description,
      address: suppliers.address,
      benefitMechanism: suppliers.benefitMechanism,
      povertyHouseholds: suppliers.povertyHouseholds,
      benefitShareBps: suppliers.benefitShareBps,
      townshipName: townships.name,
    })
    .from(suppliers)
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug))
    .where(eq(suppliers.id, supplierId))
    .limit(1);
  return s ?? null;
}

export async function updateSupplierProfile({
  supplierId,
  actorId,
  p,
}: {
  supplierId: number;
  actorId: string;
  p: { description: string; address: string; benefitMechanism: string };
}): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const r = await tx
      .update(suppliers)
      .set({ ...p, updatedAt: sql`now()` })
      .where(eq(suppliers.id, supplierId))
      .returning({ id: suppliers.id, slug: suppliers.slug });
    if (!r.length) return false;
    await recordAudit(
      { actorUserId: actorId, action: 'supplier.update', entity: 'supplier', entityId: String(supplierId) },
      tx,
    );
    return true;
  });
}
