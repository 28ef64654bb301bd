import type { ProductCard as Card } from '@/db/queries/catalog';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { CertBadge } from '../ui/badge';
import { Price } from '../ui/money';
import { ProductImage } from './product-image';
import { cardClass } from '../ui/card';
import { IntentLink } from '../layout/intent-link';

export function ProductCard({
  product,
  priority = false,
  footer,
}: {
  product: Card;
  priority?: boolean;
  footer?: React.ReactNode;
}) {
  const soldOut = product.stock <= 0;
  return (
    <li className={`flex flex-col overflow-hidden shadow-sm ${cardClass}`}>
      <IntentLink href={`/products/${product.slug}`} className="group flex flex-1 flex-col">
        <div className="relative">
          <ProductImage sha={product.imageSha} alt={product.name} priority={priority} />
          {soldOut ? (
            <span className="absolute inset-x-0 bottom-0 bg-neutral-900/75 py-1 text-center text-sm text-white">
              已售罄
            </span>
          ) : null}
        </div>
        <div className="flex flex-1 flex-col gap-1 p-3">
          <h3 className="line-clamp-2 font-medium text-neutral-900 group-hover:text-brand-700">{product.name}</h3>
          <p className="text-sm text-neutral-600">{product.spec}</p>
          <div className="mt-auto flex flex-wrap items-end justify-between gap-1 pt-1">
            <Price fen={product.priceFen} size="sm" />
            {product.salesCount > 0 ? (
              <span className="text-xs text-neutral-600">已售 {product.salesCount}</span>
            ) : null}
          </div>
          <p className="truncate text-xs text-neutral-600">
            {product.supplier.townshipName} · {SUPPLIER_TYPE_LABELS[product.supplier.type]}
          </p>
        </div>
      </IntentLink>
      {product.badge !== 'none' ? (
        <div className="px-3 pb-3">
          <CertBadge state={product.badge} certificateNo={product.cert?.certificateNo} />
        </div>
      ) : null}
      {footer ? <div className="px-3 pb-3">{footer}</div> : null}
    </li>
  );
}

export function ProductGrid({
  products,
  label,
  priorityCount = 0,
}: {
  products: Card[];
  label: string;
  priorityCount?: number;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {products.map((p, i) => (
        <ProductCard key={p.slug} product={p} priority={i < priorityCount} />
      ))}
    </ul>
  );
}
