import { IntentLink } from '@/components/layout/intent-link';
import { PRODUCT_STATUS_LABELS } from '@/domain/labels';
import { isOverpriced } from '@/domain/price-fairness';
import { delistProductAction, submitForReviewAction } from '@/lib/actions/listings';
import { ButtonForm } from '../../forms/confirm-button-form';
import { Notice } from '../../ui/notice';
import type { EditorProduct } from './product';

/** The product's name and status, what to do next, and 提交审核 / 上架 / 下架. */
export function EditorHeader({ p, created }: { p: EditorProduct; created: boolean }) {
  return (
    <>
      <h1 className="text-2xl font-bold">
        {p.name} <span className="text-base font-normal text-neutral-600">{p.spec}</span>
      </h1>
      <p className="mt-1 text-sm text-neutral-700">
        {p.code} · 状态 <strong>{PRODUCT_STATUS_LABELS[p.status]}</strong>
        {p.status === 'listed' ? (
          <>
            {' '}
            ·{' '}
            <IntentLink href={`/products/${p.slug}`} className="text-brand-700 underline underline-offset-2">
              查看商品页
            </IntentLink>
          </>
        ) : null}
      </p>
      {created && p.status === 'draft' ? (
        <Notice tone="success" quiet className="mt-2">
          草稿已保存。请上传图片并提交认定证书，然后提交审核。
        </Notice>
      ) : null}
      {p.reviewNote && p.status !== 'listed' ? (
        <Notice tone="warning" quiet className="mt-2">
          {p.reviewNote}
        </Notice>
      ) : null}
      {isOverpriced(p.priceFen, p.referencePriceFen) ? (
        <Notice tone="error" quiet className="mt-2">
          售价高于市场参考价 30% 以上，消费扶贫办公室会复核价格。
        </Notice>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {p.status === 'draft' || p.status === 'delisted' ? (
          <ButtonForm
            action={submitForReviewAction}
            values={{ productId: String(p.id) }}
            label={p.inForce && !p.pending ? '上架' : '提交审核'}
          />
        ) : null}
        {p.status === 'listed' || p.status === 'in_review' ? (
          <ButtonForm action={delistProductAction} values={{ productId: String(p.id) }} label="下架" variant="danger" />
        ) : null}
      </div>
    </>
  );
}
