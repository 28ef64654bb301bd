import { IntentLink } from '@/components/layout/intent-link';
import type { listOverpricedProducts, listPendingCertifications } from '@/db/queries/certifications';
import { isOverpriced } from '@/domain/price-fairness';
import {
  reviewCertificationAction,
  setCertificationExpiryAction,
  setExpiryDelistsAction,
} from '@/lib/actions/certifications';
import { ActionForm } from '../forms/action-form';
import { ApproveReject } from '../forms/approve-reject';
import { ButtonForm } from '../forms/confirm-button-form';
import { Card } from '../ui/card';
import { Money } from '../ui/money';

type Pending = Awaited<ReturnType<typeof listPendingCertifications>>[number];
type Overpriced = Awaited<ReturnType<typeof listOverpricedProducts>>[number];

const link = 'text-brand-700 underline underline-offset-2';

/** The office's certification work: the expiry policy, expiry changes, price reviews and the queue. */
export function CertificationQueue({
  pending,
  delists,
  overpriced,
}: {
  pending: Pending[];
  delists: boolean;
  overpriced: Overpriced[];
}) {
  return (
    <div className="space-y-6">
      <Card as="section" padding="md" className="text-sm">
        <p>
          认定过期时：<strong>{delists ? '取消标识并自动下架商品' : '只取消“消费扶贫认定”标识，商品保持上架'}</strong>
        </p>
        <div className="mt-2">
          <ButtonForm
            action={setExpiryDelistsAction}
            values={{ value: delists ? 'false' : 'true' }}
            label={delists ? '改为只取消标识' : '改为同时下架'}
            variant="secondary"
          />
        </div>
      </Card>
      <Card title="调整证书有效期" titleId="set-expiry" padding="md">
        <p className="mt-1 text-sm text-neutral-700">
          认定机构提前终止或延长认定时使用。日期早于今天时，认定标识立即取消。
        </p>
        <ActionForm
          idPrefix="exp-"
          action={setCertificationExpiryAction}
          submitLabel="调整有效期"
          className="mt-2"
          fields={[
            { name: 'certificateNo', label: '证书编号' },
            { name: 'expiresOn', label: '有效期至', type: 'date' },
            { name: 'reason', label: '原因', wide: true, placeholder: '如 认定机构通知提前终止' },
          ]}
        />
      </Card>
      {overpriced.length ? (
        <section aria-labelledby="overpriced" className="rounded-xl bg-brand-50 p-4 text-sm ring-1 ring-brand-600/30">
          <h2 id="overpriced" className="font-semibold text-brand-800">
            价格复核：售价高于市场参考价 30% 以上（{overpriced.length}）
          </h2>
          <ul className="mt-2 space-y-1">
            {overpriced.map((p) => (
              <li key={p.id}>
                {p.name}（{p.spec}）· {p.supplierName} · 售价 <Money fen={p.priceFen} /> / 参考价{' '}
                <Money fen={p.referencePriceFen ?? 0} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pending.length ? null : <p className="text-neutral-700">没有待审核的认定申请。</p>}
      <ul className="space-y-3">
        {pending.map((c) => (
          <PendingCertificate key={c.id} c={c} />
        ))}
      </ul>
    </div>
  );
}

function PendingCertificate({ c }: { c: Pending }) {
  return (
    <Card as="li" padding="md">
      <p className="font-medium">
        {c.productStatus === 'listed' ? (
          <IntentLink href={`/products/${c.productSlug}`} className={link}>
            {c.productName}
          </IntentLink>
        ) : (
          c.productName
        )}{' '}
        · {c.supplierName}
      </p>
      <p className="text-sm text-neutral-700">
        证书 {c.certificateNo} · {c.issuer} · {c.catalogueBatch} · {c.issuedOn} 至 {c.expiresOn}
        {c.hasFile ? (
          <>
            {' '}
            ·{' '}
            <a href={`/workshop/certificates/${c.id}/file`} className={link}>
              查看扫描件
            </a>
          </>
        ) : null}
      </p>
      {c.reviewNote ? <p className="text-sm font-medium text-amber-900">重新审核：{c.reviewNote}</p> : null}
      <p className="text-sm">
        售价 <Money fen={c.priceFen} />
        {c.referencePriceFen ? (
          <>
            {' '}
            · 市场参考价 <Money fen={c.referencePriceFen} />
          </>
        ) : null}
        {isOverpriced(c.priceFen, c.referencePriceFen) ? (
          <strong className="ml-2 text-brand-700">价格高于参考价 30% 以上</strong>
        ) : null}
      </p>
      <div className="mt-2">
        <ApproveReject
          id={`c${c.id}`}
          label={c.certificateNo}
          values={{ id: String(c.id) }}
          approve={{ action: reviewCertificationAction, values: { decision: 'approve' } }}
          reject={{ action: reviewCertificationAction, values: { decision: 'reject' } }}
        />
      </div>
    </Card>
  );
}
