import { getReviewerTownship } from '@/db/queries/benefit-reviewers';
import { getPayoutReceipt } from '@/db/queries/payouts';
import { optionalUser } from '@/lib/auth/guards';

/**
 * A payout's receipt scan (issue 17), for the supplier's managers, the programme office and the
 * reviewer of the household's township only; everyone else gets 404. Served under a sandboxing CSP.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) return new Response('文件不存在', { status: 404 });
  const user = await optionalUser();
  if (!user) return new Response('请先登录', { status: 401 });
  const r = await getPayoutReceipt({ id: Number(id) });
  const allowed =
    !!r &&
    (user.role === 'admin' ||
      user.supplierIds.includes(r.supplierId) ||
      (user.role === 'reviewer' && (await getReviewerTownship({ userId: user.id })) === r.townshipSlug));
  if (!allowed) return new Response('文件不存在', { status: 404 });
  return new Response(Buffer.from(r.bytes), {
    headers: {
      'Content-Type': r.contentType,
      'Content-Disposition': `inline; filename="receipt-${id}.webp"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
