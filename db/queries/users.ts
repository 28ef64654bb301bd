import 'server-only';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
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

/** The account with this e-mail or mobile hash (lib/accounts/login-key.ts), for the password check. */
export async function findUserForLogin({ email, mobileHash }: { email: string | null; mobileHash: string | null }) {
  const [u] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, name: users.name })
    .from(users)
    .where(email ? eq(users.email, email) : eq(users.mobileHash, mobileHash ?? ''))
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

export async function insertLoginAttempt(
  { accountHash, addressHash, succeeded }: { accountHash: string; addressHash: string; succeeded: boolean },
  db: Executor = getDb(),
): Promise<void> {
  await db.insert(loginAttempts).values({ accountHash, addressHash, succeeded });
}

export async function setLastLogin({ userId }: { userId: string }, db: Executor = getDb()): Promise<void> {
  await db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}
