import 'server-only';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { lookupHash } from '@/lib/crypto/pii';
import { isEmailLogin, normalizeMobile } from '@/domain/phone';
import { getDb } from '../client';
import { loginAttempts, supplierMembers, unitMembers, units, users } from '../schema';
import type { UnitMemberRole, UnitStatus, UserRole } from '@/domain/accounts';

export type CurrentUser = {
  id: string;
  name: string;
  email: string | null;
  role: UserRole;
  active: boolean;
  unitMemberships: {
    unitId: string;
    role: UnitMemberRole;
    isAdmin: boolean;
    unitStatus: UnitStatus;
  }[];
  supplierIds: number[];
};

/** The hash under which a login name (e-mail or mobile) is looked up and rate-limited. */
export function loginKey(login: string): { email: string | null; mobileHash: string | null; accountHash: string } {
  const trimmed = login.trim();
  if (isEmailLogin(trimmed)) {
    const email = trimmed.toLowerCase();
    return { email, mobileHash: null, accountHash: lookupHash(`login:${email}`) };
  }
  const mobile = normalizeMobile(trimmed);
  const mobileHash = lookupHash(`mobile:${mobile}`);
  return { email: null, mobileHash, accountHash: lookupHash(`login:${mobile}`) };
}

export function mobileLookupHash(mobile: string): string {
  return lookupHash(`mobile:${normalizeMobile(mobile)}`);
}

export async function findUserForLogin({ login }: { login: string }) {
  const key = loginKey(login);
  const [u] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, name: users.name })
    .from(users)
    .where(key.email ? eq(users.email, key.email) : eq(users.mobileHash, key.mobileHash!))
    .limit(1);
  return u ?? null;
}

export async function findActiveUserById({ id }: { id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [u] = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return u ?? null;
}

/** Everything a guard needs, read fresh from the database on every privileged action. */
export async function loadCurrentUser({ id }: { id: string }): Promise<CurrentUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = getDb();
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!u) return null;
  const [memberships, supplierRows] = await Promise.all([
    db
      .select({
        unitId: unitMembers.unitId,
        role: unitMembers.role,
        isAdmin: unitMembers.isAdmin,
        unitStatus: units.status,
      })
      .from(unitMembers)
      .innerJoin(units, eq(units.id, unitMembers.unitId))
      .where(eq(unitMembers.userId, id)),
    db.select({ supplierId: supplierMembers.supplierId }).from(supplierMembers).where(eq(supplierMembers.userId, id)),
  ]);
  return { ...u, unitMemberships: memberships, supplierIds: supplierRows.map((r) => r.supplierId) };
}

export async function countRecentLoginFailures({
  accountHash,
  addressHash,
  since,
}: {
  accountHash: string;
  addressHash: string;
  since: Date;
}) {
  const db = getDb();
  const [[byAccount], [byAddress]] = await Promise.all([
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.accountHash, accountHash),
          eq(loginAttempts.succeeded, false),
          gte(loginAttempts.createdAt, since),
        ),
      ),
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.addressHash, addressHash),
          eq(loginAttempts.succeeded, false),
          gte(loginAttempts.createdAt, since),
        ),
      ),
  ]);
  return { byAccount: byAccount?.n ?? 0, byAddress: byAddress?.n ?? 0 };
}

export async function recordLoginAttempt({
  accountHash,
  addressHash,
  succeeded,
  userId,
}: {
  accountHash: string;
  addressHash: string;
  succeeded: boolean;
  userId: string | null;
}) {
  await getDb().transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ accountHash, addressHash, succeeded });
    if (succeeded && userId)
      await tx
        .update(users)
        .set({ lastLoginAt: sql`now()` })
        .where(eq(users.id, userId));
  });
}
