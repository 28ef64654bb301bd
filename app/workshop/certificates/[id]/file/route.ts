import { getCertificateFile } from '@/db/queries/listings';
import { fileNotFound, fileRequest, privateFile } from '@/lib/http/private-file';

/**
 * A certificate scan, for the programme office and the product's own supplier only. A PDF is served as
 * an attachment (a re-encoded image may open in the browser), always under a sandboxing CSP that the
 * page headers do not replace (next.config.mjs).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const asked = await fileRequest(params);
  if (asked instanceof Response) return asked;
  const { id, user } = asked;
  const f = await getCertificateFile({ id });
  if (!f || (user.role !== 'admin' && !user.supplierIds.includes(f.supplierId))) return fileNotFound();
  const ext = f.contentType === 'application/pdf' ? 'pdf' : 'webp';
  return privateFile(
    f.bytes,
    f.contentType,
    `${ext === 'webp' ? 'inline' : 'attachment'}; filename="certificate-${f.no.replace(/[^A-Za-z0-9-]/g, '')}.${ext}"`,
  );
}
