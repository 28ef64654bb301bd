import type { ReactNode } from 'react';
import type { AfterSalesCaseView } from '@/lib/after-sales/view';
import { AFTER_SALES_KIND_LABELS, AFTER_SALES_REASON_LABELS, AFTER_SALES_STATUS_LABELS } from '@/domain/after-sales';
import { formatChinaDateTime } from '@/domain/time';
import { Card } from '../ui/card';
import { Money } from '../ui/money';

/** A written note of the case (an opinion, the return address), left out when there is none. */
function Note({ term, text }: { term: string; text: string | null }) {
  return text ? (
    <>
      <dt className="text-neutral-600">{term}</dt>
      <dd>{text}</dd>
    </>
  ) : null;
}

/** One 售后 case as the buyer, the supplier and the office see it; `children` holds the viewer's actions. */
export function CaseCard({
  c,
  showOrder,
  children,
}: {
  c: AfterSalesCaseView;
  showOrder?: boolean;
  children?: ReactNode;
}) {
  const k = c.case;
  return (
    <Card as="article" padding="md" aria-label={`售后 ${c.productName}`} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-semibold">
          {AFTER_SALES_KIND_LABELS[k.kind]} · {c.productName}（{c.productSpec}）× {k.quantity}
        </p>
        <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">
          {AFTER_SALES_STATUS_LABELS[k.status]}
          {k.status === 'refunded' && !k.refundedAt ? '（退款处理中）' : ''}
        </span>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {showOrder ? (
          <>
            <dt className="text-neutral-600">订单</dt>
            <dd>
              {c.orderNo} · {c.supplierName}
            </dd>
          </>
        ) : null}
        <dt className="text-neutral-600">原因</dt>
        <dd>
          {AFTER_SALES_REASON_LABELS[k.reason]}
          {k.description ? `：${k.description}` : ''}
        </dd>
        <dt className="text-neutral-600">退款金额</dt>
        <dd>
          <Money fen={k.amountFen} />
          （商品金额，不含运费）
        </dd>
        {k.status === 'requested' ? (
          <>
            <dt className="text-neutral-600">商家处理期限</dt>
            <dd>{formatChinaDateTime(k.supplierDeadline)} 前（逾期转交消费帮扶办公室）</dd>
          </>
        ) : null}
        <Note term="商家意见" text={k.supplierNote} />
        <Note term="办公室意见" text={k.officeNote} />
        <Note term="退货地址" text={k.returnAddress} />
        {k.returnTrackingNo ? (
          <>
            <dt className="text-neutral-600">退货物流</dt>
            <dd>
              {k.returnCarrier} {k.returnTrackingNo}
            </dd>
          </>
        ) : null}
        <dt className="text-neutral-600">申请时间</dt>
        <dd className="tabular">{formatChinaDateTime(k.createdAt)}</dd>
      </dl>
      {c.photoIds.length ? (
        <ul aria-label="售后照片" className="flex gap-2">
          {c.photoIds.map((id, i) => (
            <li key={id}>
              <a href={`/after-sales/photos/${id}`} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private photo from a route handler */}
                <img
                  src={`/after-sales/photos/${id}`}
                  alt={`售后照片 ${i + 1}`}
                  width={72}
                  height={72}
                  className="size-18 rounded-lg object-cover ring-1 ring-neutral-200"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </Card>
  );
}
