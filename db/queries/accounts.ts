import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { addresses, invites, supplierMembers, suppliers, townships, unitMembers, units, users } from '../schema';

/** Accounts, their saved addresses and invitations. Personal data as stored (encrypted); lib/accounts reads it. */

export async function insertUser(values: typeof users.$inferInsert, tx: Executor): Promise<string> {
  const [u] = await tx.insert(users).values(values).returning({ id: users.id });
  return u!.id;
}

export async function insertUnitMember(values: typeof unitMembers.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(unitMembers).values(values);
}

export async function insertSupplierMember(values: typeof supplierMembers.$inferInsert, tx: Executor) {
  await tx.insert(supplierMembers).values(values);
}

export async function listUserRecordsForAdmin() {
  return getDb()
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
}

/** Returns whether there is such a user. */
/** 停用 also ends every session of the account (its session version moves on); 启用 does not start one. */
export async function setUserActiveRow({ userId, active }: { userId: string; active: boolean }, tx: Executor) {
  const r = await tx
    .update(users)
    .set(active ? { active } : { active, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return r.length > 0;
}

export async function listAddressRecords({ userId }: { userId: string }) {
  return getDb()
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
}

export async function countAddresses({ userId }: { userId: string }, tx: Executor): Promise<number> {
  const [{ n } = { n: 0 }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(addresses)
    .where(eq(addresses.userId, userId));
  return n;
}

export async function clearDefaultAddress({ userId }: { userId: string }, tx: Executor): Promise<void> {
  await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
}

export async function insertAddress(values: typeof addresses.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(addresses).values(values);
}

/** Deletes only the caller's own address; returns whether one was deleted. */
export async function deleteAddress({ userId, id }: { userId: string; id: string }): Promise<boolean> {
  const r = await getDb()
    .delete(addresses)
    .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
    .returning({ id: addresses.id });
  return r.length > 0;
}

export async function insertInvite(values: typeof invites.$inferInsert, tx: Executor): Promise<string> {
  const [inv] = await tx.insert(invites).values(values).returning({ id: invites.id });
  return inv!.id;
}

const openInvite = (tokenHash: string) =>
  and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt), sql`${invites.expiresAt} > now()`);

/** An unused, unexpired invitation by its token's hash, with the unit's or supplier's name. */
export async function findOpenInviteByHash({ tokenHash }: { tokenHash: string }) {
  const [inv] = await getDb()
    .select({ invite: invites, unitName: units.name, supplierName: suppliers.name, townshipName: townships.name })
    .from(invites)
    .leftJoin(units, eq(units.id, invites.unitId))
    .leftJoin(suppliers, eq(suppliers.id, invites.supplierId))
    .leftJoin(townships, eq(townships.slug, invites.townshipSlug))
    .where(openInvite(tokenHash))
    .limit(1);
  return inv ?? null;
}

/** Marks an open invitation used (once: concurrent claims get null). */
export async function claimInvite({ tokenHash }: { tokenHash: string }, tx: Executor) {
  const [inv] = await tx
    .update(invites)
    .set({ acceptedAt: sql`now()` })
    .where(openInvite(tokenHash))
    .returning();
  return inv ?? null;
}

export async function setInviteAcceptedBy({ id, userId }: { id: string; userId: string }, tx: Executor) {
  await tx.update(invites).set({ acceptedBy: userId }).where(eq(invites.id, id));
}
