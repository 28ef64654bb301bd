import 'server-only';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { CertificationStatus } from '@/domain/certification';
import { isOverpriced } from '@/domain/price-fairness';
import { getDb, rowsOf, type Executor } from '../client';
import { certificateColumns } from './columns';
import { certifications, products, suppliers } from '../schema';

/** 扶贫产品认定 certificates: the office's review queue and price check, and the writes of lib/certifications. */

/** The programme office's review queue: certificates waiting for a decision, oldest first. */
export async function listPendingCertifications() {
  return getDb()
    .select({
      ...certificateColumns,
      productName: products.name,
      productSlug: products.slug,
      productStatus: products.status,
      priceFen: products.priceFen,
      referencePriceFen: products.referencePriceFen,
      supplierName: suppliers.name,
      reviewNote: certifications.reviewNote,
      hasFile: sql<boolean>`${certifications.fileBytes} is not null`,
    })
    .from(certifications)
    .innerJoin(products, eq(products.id, certifications.productId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .where(eq(certifications.status, 'pending'))
    .orderBy(asc(certifications.createdAt));
}

/** 价格复核: listed or waiting products priced more than 30% above their reference price. */
export async function listOverpricedProducts() {
  const rows = await getDb()
    .select({
      id: products.id,
      name: products.name,
      spec: products.spec,
      slug: products.slug,
      status: products.status,
      priceFen: products.priceFen,
      referencePriceFen: products.referencePriceFen,
      supplierName: suppliers.name,
    })
    .from(products)
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .where(and(sql`${products.status} in ('listed', 'in_review')`, sql`${products.referencePriceFen} is not null`))
    .orderBy(asc(products.name));
  // The rule itself lives once, in domain/price-fairness.
  return rows.filter((r) => isOverpriced(r.priceFen, r.referencePriceFen));
}

/** Decides a pending certificate; null when it is not (or no longer) pending. */
export async function setCertificationDecision(
  { id, status, note }: { id: number; status: 'approved' | 'rejected'; note: string | null },
  tx: Executor,
): Promise<{ productId: number; certificateNo: string } | null> {
  const [c] = await tx
    .update(certifications)
    .set({ status, reviewNote: note, reviewedAt: sql`now()` })
    .where(and(eq(certifications.id, id), eq(certifications.status, 'pending')))
    .returning({ productId: certifications.productId, certificateNo: certifications.certificateNo });
  return c ?? null;
}

/** Approved certificates past their date (China date `today`) become 'expired'. */
export async function expireDueCertifications({ today }: { today: string }, tx: Executor) {
  return tx
    .update(certifications)
    .set({ status: 'expired' })
    .where(and(eq(certifications.status, 'approved'), lt(certifications.expiresOn, today)))
    .returning({ productId: certifications.productId, certificateNo: certifications.certificateNo });
}

/** Delists those of the listed products that have no other certificate in force on `today`. */
export async function delistProductsWithoutCertificate(
  { productIds, today }: { productIds: number[]; today: string },
  tx: Executor,
): Promise<void> {
  if (!productIds.length) return;
  await tx.execute(sql`
    update products p set status = 'delisted', updated_at = now()
    where p.id in (${sql.join(
      productIds.map((i) => sql`${i}`),
      sql`, `,
    )}) and p.status = 'listed'
      and not exists (select 1 from certifications c where c.product_id = p.id and c.status = 'approved' and c.expires_on >= ${today}::date)`);
}

/** An approved or expired certificate by number, locked. */
export async function lockDecidedCertification({ certificateNo }: { certificateNo: string }, tx: Executor) {
  const [c] = await tx
    .select({
      id: certifications.id,
      issuedOn: certifications.issuedOn,
      status: certifications.status,
      productId: certifications.productId,
    })
    .from(certifications)
    .where(
      and(eq(certifications.certificateNo, certificateNo), sql`${certifications.status} in ('approved', 'expired')`),
    )
    .for('update');
  return c ? { ...c, issuedOn: String(c.issuedOn).slice(0, 10) } : null;
}

export async function setCertificationExpiryDate(
  { id, expiresOn, status }: { id: number; expiresOn: string; status: CertificationStatus },
  tx: Executor,
): Promise<void> {
  await tx.update(certifications).set({ expiresOn, status }).where(eq(certifications.id, id));
}

/** A product's open (pending) certificate, if any. */
export async function hasPendingCertification({ productId }: { productId: number }, tx: Executor): Promise<boolean> {
  const [c] = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(and(eq(certifications.productId, productId), eq(certifications.status, 'pending')));
  return !!c;
}

export async function certificateNoTaken({ certificateNo }: { certificateNo: string }, tx: Executor) {
  const [c] = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(eq(certifications.certificateNo, certificateNo));
  return !!c;
}

export async function insertCertification(values: typeof certifications.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(certifications).values(values);
}

/** Ids of a product's approved certificates. */
export async function approvedCertificationIds({ productId }: { productId: number }, tx: Executor) {
  const rows = await tx
    .select({ id: certifications.id })
    .from(certifications)
    .where(and(eq(certifications.productId, productId), eq(certifications.status, 'approved')));
  return rows.map((r) => r.id);
}

/** Approved certificates go back to review (the product's name or spec changed). */
export async function returnCertificationsToReview({ ids, note }: { ids: number[]; note: string }, tx: Executor) {
  if (!ids.length) return;
  await tx
    .update(certifications)
    .set({ status: 'pending', reviewNote: note, reviewedAt: null })
    .where(inArray(certifications.id, ids));
}

/** The slugs of these products. */
export async function productSlugs({ ids }: { ids: number[] }, tx: Executor = getDb()): Promise<string[]> {
  if (!ids.length) return [];
  const rows = rowsOf<{ slug: string }>(
    await tx.execute(
      sql`select slug from products where id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    ),
  );
  return rows.map((r) => r.slug);
}
