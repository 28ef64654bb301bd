import { getCertificateFile } from '@/db/queries/listings';
import { optionalUser } from '@/lib/auth/guards';

/**
 * A certificate scan, for the programme office and the product's own supplier only. A PDF is served as
 * an attachment (a re-encoded image may open in the browser), always under a sandboxing CSP that the
 * page headers do not replace (next.config.mjs).
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) return new Response('文件不存在', { status: 404 });
  const user = await optionalUser();
  if (!user) return new Response('请先登录', { status: 401 });
  const f = await getCertificateFile({ id: Number(id) });
  if (!f || (user.role !== 'admin' && !user.supplierIds.includes(f.supplierId)))
    return new Response('文件不存在', { status: 404 });
  const ext = f.contentType === 'application/pdf' ? 'pdf' : 'webp';
  return new Response(Buffer.from(f.bytes), {
    headers: {
      'Content-Type': f.contentType,
      'Content-Disposition': `${ext === 'webp' ? 'inline' : 'attachment'}; filename="certificate-${f.no.replace(/[^A-Za-z0-9-]/g, '')}.${ext}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
