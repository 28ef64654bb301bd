import { capitalAmount } from '@/domain/capital-amount';
import { fundSourceText } from '@/domain/fund-source';
import { formatFen } from '@/domain/money';
import { uncountedFen, type PurchaseFacts } from '@/domain/purchase-order';

const TERMS = { prepay: '对公转账（审批后 7 天内付款）', pay_later: '先货后款（30 天内转账）' } as const;

/**
 * What a purchase order is: every line with its quantity and price, uncertified lines marked 不计入认购,
 * the recipients, the submitter, the payment method and the round, and the total in figures and 大写.
 * One component for the buyer's preview before 提交采购单 and for the approver's (and the office's)
 * view before 通过 / 驳回. With `keep`, each uncertified line has its tick (仍要采购), which the form posts.
 */
export function PurchaseFactsView({
  facts,
  keep,
  idPrefix = 'facts',
}: {
  facts: PurchaseFacts;
  keep?: { checked: readonly string[]; onChange?: (slug: string, on: boolean) => void };
  idPrefix?: string;
}) {
  const uncounted = uncountedFen(facts.lines);
  const quantity = facts.lines.reduce((s, l) => s + l.quantity, 0);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-600">采购单位</dt>
        <dd>{facts.unitName}</dd>
        <dt className="text-neutral-600">提交人</dt>
        <dd data-testid="facts-submitter">{facts.submitterName ?? '—'}</dd>
        <dt className="text-neutral-600">付款方式</dt>
        <dd>{TERMS[facts.paymentTerms]}</dd>
        <dt className="text-neutral-600">经费来源</dt>
        <dd data-testid="facts-fund">{fundSourceText(facts.fundSource)}</dd>
        <dt className="text-neutral-600">推介会</dt>
        <dd>{facts.roundName ?? '不属于推介会'}</dd>
        <dt className="text-neutral-600">收货</dt>
        <dd data-testid="facts-recipients">
          {facts.recipientsCount ? `${facts.recipientsCount} 位收货人，逐人配送` : '统一配送至收货联系人'}
        </dd>
        <dt className="text-neutral-600">审批</dt>
        <dd>{facts.officeApproval ? '消费扶贫办公室（本单位没有可审批此单的审批人）' : '本单位审批人'}</dd>
      </dl>
      <ul className="divide-y divide-neutral-100 rounded-lg ring-1 ring-neutral-200" aria-label="采购明细">
        {facts.lines.map((l) => {
          const tickId = `${idPrefix}-keep-${l.slug}`;
          return (
            <li key={l.slug} className={`p-3 ${l.certified ? '' : 'bg-amber-50'}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="font-medium">
                  {l.name} <span className="text-sm font-normal text-neutral-700">{l.spec}</span>
                </span>
                <span className="font-medium tabular">{formatFen(l.lineTotalFen)}</span>
              </div>
              <p className="text-sm text-neutral-700 tabular">
                {l.code} · {formatFen(l.unitPriceFen)} × {l.quantity}
              </p>
              {l.certified ? null : (
                <div className="mt-1 text-sm">
                  <strong className="rounded bg-amber-200 px-1.5 py-0.5 text-amber-950">不计入认购</strong>{' '}
                  <span className="text-amber-950">未获扶贫产品认定，不计入单位认购和全市目标。</span>
                  {keep ? (
                    <label htmlFor={tickId} className="mt-1 flex min-h-11 items-center gap-2 font-medium">
                      <input
                        id={tickId}
                        type="checkbox"
                        name="keep"
                        value={l.slug}
                        className="size-5"
                        checked={keep.checked.includes(l.slug)}
                        onChange={(e) => keep.onChange?.(l.slug, e.currentTarget.checked)}
                      />
                      仍要采购 {l.name}（不计入认购）
                    </label>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-neutral-600">商品</dt>
        <dd className="tabular">
          {facts.lines.length} 种，共 {quantity} 件，{formatFen(facts.itemsFen)}
        </dd>
        <dt className="text-neutral-600">运费</dt>
        <dd className="tabular">{formatFen(facts.shippingFen)}</dd>
        {uncounted > 0n ? (
          <>
            <dt className="text-neutral-600">不计入认购</dt>
            <dd className="text-amber-950 tabular">{formatFen(uncounted)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">合计</dt>
        <dd>
          <strong className="text-lg text-brand-700 tabular" data-testid="facts-total">
            {formatFen(facts.totalFen)}
          </strong>
          <span className="block text-neutral-700" data-testid="facts-capital">
            {capitalAmount(facts.totalFen)}
          </span>
        </dd>
      </dl>
    </div>
  );
}
