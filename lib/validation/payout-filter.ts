import { z } from 'zod';
import { BENEFIT_CHANNELS, PAYOUT_STATUSES } from '@/domain/benefit';

/** The query of a payout list (/admin/payouts, /review): the verification queue or a report figure's rows. */
export const payoutFilterSchema = z.object({
  status: z.enum([...PAYOUT_STATUSES, 'all']).default('submitted'),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  supplier: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  channel: z.enum(BENEFIT_CHANNELS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PayoutFilterQuery = z.output<typeof payoutFilterSchema>;

/** The list query as db/queries/payouts takes it. */
export function toPayoutFilter(q: PayoutFilterQuery) {
  return {
    status: q.status === 'all' ? undefined : q.status,
    fromDay: q.from,
    toDay: q.to,
    supplierId: q.supplier,
    channel: q.channel,
  };
}
