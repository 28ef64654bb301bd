import { IntentLink } from '@/components/layout/intent-link';
import type { listSupplierProducts } from '@/db/queries/listings';
import { PRODUCT_STATUS_LABELS } from '@/domain/labels';
import { LOW_STOCK } from '@/domain/listing';
import { ProductImage } from '../catalog/product-image';
import { ButtonLink } from '../ui/button';
import { cardClass } from '../ui/card';
import { Money } from '../ui/money';

type Product = Awaited<ReturnType<typeof listSupplierProducts>>[number];

const tone = {
  draft: 'bg-neutral-100 text-neutral-800',
  in_review: 'bg-amber-50 text-amber-900',
  listed: 'bg-cert-50 text-cert-800',
  delisted: 'bg-neutral-100 text-neutral-700',
} as const;

/** One supplier's products, each a link to its editor, with 新增商品. */
export function SupplierProducts({
  supplier: s,
  products,
}: {
  supplier: { id: number; name: string };
  products: Product[];
}) {
  return (
    <section aria-labelledby={`ps-${s.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`ps-${s.id}`} className="text-lg font-semibold">
          {s.name}
          <span className="ml-2 text-sm font-normal text-neutral-600">{products.length} 件商品</span>
        </h2>
        <ButtonLink href={`/workshop/products/new?supplier=${s.id}`}>新增商品</ButtonLink>
      </div>
      <ul className={`mt-3 divide-y divide-neutral-200 ${cardClass}`}>
        {products.map((p) => (
          <li key={p.id}>
            <IntentLink href={`/workshop/products/${p.id}`} className="flex items-center gap-3 p-3 hover:bg-neutral-50">
              <div className="w-14 shrink-0 overflow-hidden rounded-md">
                <ProductImage sha={p.imageSha} alt="" />
              </div>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">
                  {p.name} <span className="text-sm font-normal text-neutral-600">{p.spec}</span>
                </p>
                <p className="text-sm text-neutral-700">
                  {p.code} · <Money fen={p.priceFen} /> · 库存{' '}
                  <span className={p.stock <= LOW_STOCK ? 'font-semibold text-brand-700' : ''}>{p.stock}</span> · 已售{' '}
                  {p.salesCount}
                  {p.overpriced ? <span className="ml-1 font-medium text-brand-700">· 高于参考价 30%</span> : null}
                </p>
              </div>
              <span className={`shrink-0 rounded-md px-2 py-0.5 text-xs font-medium ${tone[p.status]}`}>
                {PRODUCT_STATUS_LABELS[p.status]}
                {p.status === 'listed' && !p.inForce ? '（认定已失效）' : ''}
              </span>
            </IntentLink>
          </li>
        ))}
        {products.length ? null : <li className="p-4 text-neutral-700">还没有商品。点「新增商品」开始。</li>}
      </ul>
    </section>
  );
}
