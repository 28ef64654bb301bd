import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { certificateNoTaken, hasPendingCertification, insertCertification } from '@/db/queries/certifications';
import { supplierProduct } from '@/db/queries/products';
import { transaction } from '@/db/tx';
import { AppError } from '@/lib/errors';

/**
 * The manager sends a certificate (fields and scan) of their own supplier's product for review.
 * Returns the product's slug, or null when it is not this supplier's.
 */
export async function submitCertificate(p: {
  productId: number;
  supplierId: number;
  actorId: string;
  c: { certificateNo: string; issuer: string; catalogueBatch: string; issuedOn: string; expiresOn: string };
  file: { contentType: string; bytes: Uint8Array };
}): Promise<{ slug: string } | null> {
  return transaction(async (tx) => {
    const cur = await supplierProduct(p, tx);
    if (!cur) return null;
    if (await hasPendingCertification(p, tx))
      throw new AppError('invalid_input', '已有一份证书在审核中，请等待办公室审核', {
        certificateNo: '已有一份证书在审核中，请等待办公室审核',
      });
    if (await certificateNoTaken(p.c, tx))
      throw new AppError('invalid_input', '该证书编号已登记', { certificateNo: '该证书编号已登记' });
    await insertCertification(
      {
        productId: p.productId,
        ...p.c,
        status: 'pending',
        fileContentType: p.file.contentType,
        fileBytes: p.file.bytes,
        submittedBy: p.actorId,
      },
      tx,
    );
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'cert.submit',
        entity: 'certification',
        entityId: p.c.certificateNo,
        data: { product: cur.code },
      },
      tx,
    );
    return { slug: cur.slug };
  });
}
