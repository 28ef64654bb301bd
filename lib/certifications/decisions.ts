import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  delistProductsWithoutCertificate,
  expireDueCertifications,
  lockDecidedCertification,
  productSlugs,
  setCertificationDecision,
  setCertificationExpiryDate,
} from '@/db/queries/certifications';
import { listReviewedProduct, productSlugAndStatus } from '@/db/queries/products';
import { getBooleanSetting } from '@/db/queries/programme';
import { transaction } from '@/db/tx';
import { EXPIRY_DELISTS } from '@/domain/certification';

/** The programme office's decisions on 扶贫产品认定 certificates, and the expiry job. */

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
  return transaction(async (tx) => {
    const status = p.decision === 'approve' ? 'approved' : 'rejected';
    const c = await setCertificationDecision({ id: p.id, status, note: p.reason || null }, tx);
    if (!c) return null;
    const prod = await productSlugAndStatus({ productId: c.productId }, tx);
    if (p.decision === 'approve' && prod?.status === 'in_review') await listReviewedProduct(c, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: p.decision === 'approve' ? 'cert.approve' : 'cert.reject',
        entity: 'certification',
        entityId: c.certificateNo,
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
  return transaction(async (tx) => {
    const expired = await expireDueCertifications({ today }, tx);
    if (!expired.length) return [];
    const ids = [...new Set(expired.map((e) => e.productId))];
    if (delist) await delistProductsWithoutCertificate({ productIds: ids, today }, tx);
    for (const e of expired)
      await recordAudit(
        {
          actorUserId: null,
          action: 'cert.expire',
          entity: 'certification',
          entityId: e.certificateNo,
          data: { delisted: delist },
        },
        tx,
      );
    return productSlugs({ ids }, tx);
  });
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
  const r = await transaction(async (tx) => {
    const c = await lockDecidedCertification(p, tx);
    if (!c) return null;
    if (p.expiresOn < c.issuedOn) return { error: '有效期至不能早于认定日期' };
    const status = c.status === 'expired' && p.expiresOn >= p.today ? 'approved' : c.status;
    await setCertificationExpiryDate({ id: c.id, expiresOn: p.expiresOn, status }, tx);
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
    const [slug] = await productSlugs({ ids: [c.productId] }, tx);
    return slug!;
  });
  if (r && typeof r === 'string') await expireCertifications({ today: p.today });
  return r;
}
