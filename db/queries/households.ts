import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BenefitChannel, HouseholdCategory } from '@/domain/benefit';
import { getDb, type Executor } from '../client';
import { households, suppliers, townships } from '../schema';

/**
 * The household register (issue 17). Names and ID numbers are stored and returned as ciphertext; lib/benefit
 * decrypts them for the few who may see them.
 */

export type HouseholdFields = {
  code: string;
  townshipSlug: string;
  village: string;
  category: HouseholdCategory;
  members: number;
  channels: BenefitChannel[];
  shares: number;
};

const publicColumns = {
  id: households.id,
  supplierId: households.supplierId,
  code: households.code,
  townshipSlug: households.townshipSlug,
  townshipName: townships.name,
  village: households.village,
  category: households.category,
  members: households.members,
  channels: households.channels,
  shares: households.shares,
  active: households.active,
  hasName: sql<boolean>`${households.nameEnc} is not null`,
  hasIdNumber: sql<boolean>`${households.idNumberEnc} is not null`,
  hasConfirmCode: sql<boolean>`${households.confirmCodeHash} is not null`,
};

/** A supplier's register, by code. No personal data. */
export async function listSupplierHouseholds({ supplierId }: { supplierId: number }) {
  return getDb()
    .select(publicColumns)
    .from(households)
    .innerJoin(townships, eq(townships.slug, households.townshipSlug))
    .where(eq(households.supplierId, supplierId))
    .orderBy(asc(households.code));
}

/** One household with its supplier, for guards and editors; the personal fields stay encrypted. */
export async function getHouseholdRecord({ id }: { id: number }, tx: Executor = getDb()) {
  const [h] = await tx
    .select({
      ...publicColumns,
      supplierName: suppliers.name,
      nameEnc: households.nameEnc,
      idNumberEnc: households.idNumberEnc,
      confirmCodeHash: households.confirmCodeHash,
      confirmCodeFailures: households.confirmCodeFailures,
    })
    .from(households)
    .innerJoin(townships, eq(townships.slug, households.townshipSlug))
    .innerJoin(suppliers, eq(suppliers.id, households.supplierId))
    .where(eq(households.id, id));
  return h ?? null;
}

export async function insertHousehold(
  values: HouseholdFields & { supplierId: number; nameEnc: Uint8Array | null; idNumberEnc: Uint8Array | null },
  tx: Executor,
): Promise<number> {
  const [h] = await tx.insert(households).values(values).returning({ id: households.id });
  return h!.id;
}

/** Changes a household's register entry; `personal` replaces the encrypted fields when given. */
export async function updateHouseholdRow(
  {
    id,
    supplierId,
    fields,
    personal,
    active,
  }: {
    id: number;
    supplierId: number;
    fields: HouseholdFields;
    personal?: { nameEnc?: Uint8Array | null; idNumberEnc?: Uint8Array | null };
    active: boolean;
  },
  tx: Executor,
): Promise<boolean> {
  const r = await tx
    .update(households)
    .set({ ...fields, ...personal, active, updatedAt: sql`now()` })
    .where(and(eq(households.id, id), eq(households.supplierId, supplierId)))
    .returning({ id: households.id });
  return r.length === 1;
}

/**
 * Active households a reviewer (their township) or the office (every township, `townshipSlug` null) may
 * print confirmation codes for; `ids` narrows them to the chosen ones.
 */
export async function listHouseholdsInTownship({ townshipSlug, ids }: { townshipSlug: string | null; ids?: number[] }) {
  return getDb()
    .select({
      id: households.id,
      code: households.code,
      village: households.village,
      supplierName: suppliers.name,
      townshipName: townships.name,
      hasConfirmCode: publicColumns.hasConfirmCode,
      confirmCodeFailures: households.confirmCodeFailures,
    })
    .from(households)
    .innerJoin(suppliers, eq(suppliers.id, households.supplierId))
    .innerJoin(townships, eq(townships.slug, households.townshipSlug))
    .where(
      and(
        eq(households.active, true),
        townshipSlug ? eq(households.townshipSlug, townshipSlug) : undefined,
        ids ? inArray(households.id, ids.length ? ids : [-1]) : undefined,
      ),
    )
    .orderBy(asc(townships.sortOrder), asc(suppliers.name), asc(households.code));
}

export async function setConfirmCodeHash({ id, hash }: { id: number; hash: string }, tx: Executor) {
  await tx
    .update(households)
    .set({ confirmCodeHash: hash, confirmCodeFailures: 0, confirmCodeIssuedAt: sql`now()` })
    .where(eq(households.id, id));
}

/** Counts a wrong confirmation code; returns the failures so far. */
export async function countConfirmCodeFailure({ id }: { id: number }, tx: Executor): Promise<number> {
  const [r] = await tx
    .update(households)
    .set({ confirmCodeFailures: sql`${households.confirmCodeFailures} + 1` })
    .where(eq(households.id, id))
    .returning({ n: households.confirmCodeFailures });
  return r?.n ?? 0;
}

/** Whether a supplier's register already has this code (on another household than `exceptId`). */
export async function householdCodeTaken({
  supplierId,
  code,
  exceptId,
}: {
  supplierId: number;
  code: string;
  exceptId?: number;
}) {
  const [r] = await getDb()
    .select({ id: households.id })
    .from(households)
    .where(
      and(
        eq(households.supplierId, supplierId),
        eq(households.code, code),
        exceptId !== undefined ? sql`${households.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return !!r;
}

/** The supplier's active households registered for dividends (a rule's members). */
export async function countDividendHouseholds({ supplierId }: { supplierId: number }): Promise<number> {
  const [r] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(households)
    .where(
      and(
        eq(households.supplierId, supplierId),
        eq(households.active, true),
        sql`'dividend' = any(${households.channels})`,
      ),
    );
  return r?.n ?? 0;
}
