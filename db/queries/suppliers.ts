import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { supplierMembers, suppliers, townships, users } from '../schema';

/** Suppliers (合作社、企业、扶贫车间) as the programme office and their managers see them. */

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

export async function insertSupplier(values: typeof suppliers.$inferInsert, tx: Executor): Promise<number> {
  const [row] = await tx.insert(suppliers).values(values).returning({ id: suppliers.id });
  return row!.id;
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

/** The suppliers a manager manages (the session's supplierIds), each as getSupplierForManager reads it. */
export async function listManagedSuppliers({ supplierIds }: { supplierIds: number[] }) {
  const all = await Promise.all(supplierIds.map((supplierId) => getSupplierForManager({ supplierId })));
  return all.filter((s) => s !== null);
}

/** The public profile a manager edits; returns whether there is such a supplier. */
export async function updateSupplierProfileRow(
  { supplierId, p }: { supplierId: number; p: { description: string; address: string; benefitMechanism: string } },
  tx: Executor,
): Promise<boolean> {
  const r = await tx
    .update(suppliers)
    .set({ ...p, updatedAt: sql`now()` })
    .where(eq(suppliers.id, supplierId))
    .returning({ id: suppliers.id });
  return r.length > 0;
}
