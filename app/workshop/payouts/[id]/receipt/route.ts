import { getReviewerTownship } from '@/db/queries/benefit-reviewers';
import { getPayoutReceipt } from '@/db/queries/payouts';
import { fileNotFound, fileRequest, privateFile } from '@/lib/http/private-file';

/**
 * A payout's receipt scan (issue 17), for the supplier's managers, the programme office and the
 * reviewer of the household's township only; everyone else gets 404. Served under a sandboxing CSP.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const asked = await fileRequest(params);
  if (asked instanceof Response) return asked;
  const { id, user } = asked;
  const r = await getPayoutReceipt({ id });
  const allowed =
    !!r &&
    (user.role === 'admin' ||
      user.supplierIds.includes(r.supplierId) ||
      (user.role === 'reviewer' && (await getReviewerTownship({ userId: user.id })) === r.townshipSlug));
  if (!allowed) return fileNotFound();
  return privateFile(r.bytes, r.contentType, `inline; filename="receipt-${id}.webp"`);
}
