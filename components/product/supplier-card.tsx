import { IntentLink } from '@/components/layout/intent-link';
import type { ProductDetail } from '@/db/queries/product';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { formatBps } from '@/domain/money';
import { Card } from '../ui/card';

export function SupplierCard({ supplier }: { supplier: ProductDetail['supplier'] }) {
  return (
    <Card as="section" aria-labelledby="supplier-heading" padding="md">
      <p className="text-sm text-neutral-600">
        {supplier.townshipName} · {SUPPLIER_TYPE_LABELS[supplier.type]}
      </p>
      <h2 id="supplier-heading" className="mt-0.5 font-semibold">
        {supplier.name}
      </h2>
      <p className="mt-2 text-sm text-neutral-700">{supplier.description}</p>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-center">
        <div className="rounded-lg bg-brand-50 p-2">
          <dt className="text-xs text-neutral-700">带动脱贫户</dt>
          <dd className="text-xl font-bold text-brand-700 tabular">{supplier.povertyHouseholds} 户</dd>
        </div>
        <div className="rounded-lg bg-brand-50 p-2">
          <dt className="text-xs text-neutral-700">销售额分享比例</dt>
          <dd className="text-xl font-bold text-brand-700 tabular">
            {formatBps(supplier.benefitShareBps, { trim: true })}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-neutral-700">
        <span className="font-medium text-neutral-900">帮扶机制：</span>
        {supplier.benefitMechanism}
      </p>
      <IntentLink
        href={`/products?supplier=${supplier.slug}`}
        className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
      >
        该供应商的全部商品
      </IntentLink>
    </Card>
  );
}
