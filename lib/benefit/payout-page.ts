import 'server-only';
import { listPayouts, sumPayouts } from '@/db/queries/payouts';
import { toPayoutFilter, type PayoutFilterQuery } from '@/lib/validation/payout-filter';

const PAGE_SIZE = 50;

/**
 * One page of a payout list for the office (every township) or a reviewer (theirs), with the count and
 * total of everything the filter selects: a report figure's drill-down shows the figure itself.
 */
export async function payoutPage(q: PayoutFilterQuery, townshipSlug: string | null) {
  const filter = { ...toPayoutFilter(q), ...(townshipSlug ? { townshipSlug } : {}) };
  const [rows, sum] = await Promise.all([
    listPayouts({ ...filter, limit: PAGE_SIZE + 1, offset: (q.page - 1) * PAGE_SIZE }),
    sumPayouts(filter),
  ]);
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, ...sum };
}
