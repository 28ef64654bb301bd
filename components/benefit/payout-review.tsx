import { IntentLink } from '@/components/layout/intent-link';
import { formatFen } from '@/domain/money';
import type { ActionResult } from '@/lib/actions/safe-action';
import { ButtonLink } from '../ui/button';
import { Card } from '../ui/card';
import { PayoutFilter } from './payout-filter';
import { PayoutList, type PayoutRow } from './payout-list';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Query = { status: string; from?: string; to?: string; supplier?: number; channel?: string; page: number };

/** The verification queue (and any report figure's payouts): filters, the count and total, the list, paging. */
export function PayoutReview({
  path,
  query,
  page,
  suppliers,
  actions,
  householdHref,
}: {
  path: string;
  query: Query;
  page: { rows: PayoutRow[]; hasMore: boolean; count: number; amountFen: bigint };
  suppliers?: { id: number; name: string }[];
  actions: { verify: Action; return: Action };
  householdHref?: (id: number) => string;
}) {
  const href = (p: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, page: p })) if (v !== undefined && v !== '') qs.set(k, String(v));
    return `${path}?${qs}`;
  };
  return (
    <div className="space-y-4">
      <PayoutFilter action={path} values={query} suppliers={suppliers} />
      <p className="text-sm" data-testid="payout-total" data-fen={String(page.amountFen)} data-count={page.count}>
        共 <strong className="tabular">{page.count}</strong> 笔 · 合计{' '}
        <strong className="tabular">{formatFen(page.amountFen)}</strong>
      </p>
      <Card padding="md">
        <PayoutList
          rows={page.rows}
          mode="reviewer"
          actions={actions}
          householdHref={householdHref}
          empty={query.status === 'submitted' ? '没有待核实的发放记录。' : '没有符合条件的发放记录。'}
        />
      </Card>
      <nav aria-label="分页" className="flex gap-2">
        {query.page > 1 ? (
          <ButtonLink href={href(query.page - 1)} variant="secondary" size="sm">
            上一页
          </ButtonLink>
        ) : null}
        {page.hasMore ? (
          <ButtonLink href={href(query.page + 1)} variant="secondary" size="sm">
            下一页
          </ButtonLink>
        ) : null}
      </nav>
      <p className="text-sm">
        <IntentLink
          href="/review/codes"
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
        >
          打印农户确认码
        </IntentLink>
      </p>
    </div>
  );
}
