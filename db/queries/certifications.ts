import 'server-only';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { isOverpriced } from '@/domain/price-fairness';
import { getDb, rowsOf } from '../client';
import { certifications, products, settings, suppliers } from '../schema';
import { recordAudit } from './audit';

export const EXPIRY_DELISTS = 'certificate_expiry_delists';

export async function getBooleanSetting({ key }: { key: string }): Promise<boolean> {
  const [s] = await getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return s?.value === true;
}

export async function setBooleanSetting({
  key,
  value,
  actorId,
}: {
  key: string;
  value: boolean;
  actorId: string;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`now()` } });
    await recordAudit(
      { actorUserId: actorId, action: 'setting.set', entity: 'setting', entityId: key, data: { value } },
      tx,
    );
  });
}

/** The programme office's review queue: certificates waiting for a decision, oldest first. */
export async function listPendingCertifications() {
  return getDb()
    .select({
      id: certifications.id,
      certificateNo: certifications.certificateNo,
      issuer: certifications.issuer,
      catalogueBatch: certifications.catalogueBatch,
      issuedOn: certifications.issuedOn,
      expiresOn: certifications.expiresOn,
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

/**
 * 通过 or 驳回 a pending certificate. Approval lists a product that was waiting in review. Returns the
 * product's slug, or null when the certificate is not pending.
 */
export async function decideCertification(p: {
  id: number;
  decision: 'approve' | 'reject';
  reason: string;
  actorId: string;
}): Promise<string | null> {
  return getDb().transaction(async (tx) => {
    const [c] = await tx
      .update(certifications)
      .set({
        status: p.decision === 'approve' ? 'approved' : 'rejected',
        reviewNote: p.reason || null,
        reviewedAt: sql`now()`,
      })
      .where(and(eq(certifications.id, p.id), eq(certifications.status, 'pending')))
      .returning({ productId: certifications.productId, no: certifications.certificateNo });
    if (!c) return null;
    const [prod] = await tx
      .select({ slug: products.slug, status: products.status })
      .from(products)
      .where(eq(products.id, c.productId));
    if (p.decision === 'approve' && prod?.status === 'in_review') {
      await tx
        .update(products)
        .set({ status: 'listed', listedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(products.id, c.productId));
    }
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: p.decision === 'approve' ? 'cert.approve' : 'cert.reject',
        entity: 'certification',
        entityId: c.no,
        data: p.reason ? { reason: p.reason } : undefined,
      },
      tx,
    );
    return prod?.slug ?? null;
  });
}

/**
 * The expiry job: approved certificates past their date (China time) become 'expired'; when the
 * setting says so, their products are delisted too. Returns the affected products' slugs.
 */
export async function expireCertifications({ today }: { today: string }): Promise<string[]> {
  const delist = await getBooleanSetting({ key: EXPIRY_DELISTS });
  return getDb().transaction(async (tx) => {
    const expired = await tx
      .update(certifications)
      .set({ status: 'expired' })
      .where(and(eq(certifications.status, 'approved'), lt(certifications.expiresOn, today)))
      .returning({ productId: certifications.productId, no: certifications.certificateNo });
    if (!expired.length) return [];
    const ids = [...new Set(expired.map((e) => e.productId))];
    if (delist) {
      // Only products with no other certificate in force.
      await tx.execute(sql`
        update products p set status = 'delisted', updated_at = now()
        where p.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) and p.status = 'listed'
          and not exists (select 1 from certifications c where c.product_id = p.id and c.status = 'approved' and c.expires_on >= ${today}::date)`);
    }
    for (const e of expired)
      await recordAudit(
        {
          actorUserId: null,
          action: 'cert.expire',
          entity: 'certification',
          entityId: e.no,
          data: { delisted: delist },
        },
        tx,
      );
    const slugs = rowsOf<{ slug: string }>(
      await tx.execute(
        sql`select slug from products where id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      ),
    );
    return slugs.map((s) => s.slug);
  });
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

/**
 * 调整有效期: the issuing body shortens or extends a certificate (e.g. an early withdrawal). A date
 * in the past takes the badge away at once (the expiry job runs in the same call); a later date puts
 * an expired certificate back in force. Returns the product's slug, or null when there is no such
 * approved or expired certificate.
 */
export async function setCertificationExpiry(p: {
  certificateNo: string;
  expiresOn: string;
  reason: string;
  actorId: string;
  today: string;
}): Promise<string | null | { error: string }> {
  const r = await getDb().transaction(async (tx) => {
    const [c] = await tx
      .select({
        id: certifications.id,
        issuedOn: certifications.issuedOn,
        status: certifications.status,
        productId: certifications.productId,
      })
      .from(certifications)
      .where(
        and(
          eq(certifications.certificateNo, p.certificateNo),
          sql`${certifications.status} in ('approved', 'expired')`,
        ),
      )
      .for('update');
    if (!c) return null;
    if (p.expiresOn < String(c.issuedOn).slice(0, 10)) return { error: '有效期至不能早于认定日期' };
    const status = c.status === 'expired' && p.expiresOn >= p.today ? 'approved' : c.status;
    await tx.update(certifications).set({ expiresOn: p.expiresOn, status }).where(eq(certifications.id, c.id));
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'cert.set_expiry',
        entity: 'certification',
        entityId: p.certificateNo,
        data: { expiresOn: p.expiresOn, reason: p.reason },
      },
      tx,
    );
    const [prod] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, c.productId));
    return prod!.slug;
  });
  if (r && typeof r === 'string') await expireCertifications({ today: p.today });
  return r;
}
