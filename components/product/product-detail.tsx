import { AFTER_SALES_CLASS_LABELS } from '@/domain/after-sales';
import { Suspense } from 'react';
import type { ProductDetail as Detail } from '@/db/queries/product';
import { AddToCart } from '../cart/add-to-cart';
import { CertBadge } from '../ui/badge';
import { cardClass } from '../ui/card';
import { Price } from '../ui/money';
import { CertificationPanel } from './certification-panel';
import { Description } from './description';
import { ProductGallery } from './product-gallery';
import { ProductQr } from './product-qr';
import { SupplierCard } from './supplier-card';
import { TierPrices } from './tier-prices';
import { IntentLink } from '../layout/intent-link';

/**
 * 商品详情. On a 390 × 844 phone the photo, price, name, spec and certification badge fit above the
 * bottom bar (加入购物车 / 立即购买); details, the supplier and the QR code follow.
 */
export function ProductDetail({ product }: { product: Detail }) {
  return (
    <div className="mx-auto max-w-6xl px-4 pt-3 pb-28 md:pt-4 md:pb-4">
      <nav aria-label="面包屑" className="mb-3 hidden text-sm text-neutral-700 md:block">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <IntentLink href="/" className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">
              首页
            </IntentLink>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <IntentLink
              href={`/products?category=${product.category.slug}`}
              className="inline-flex min-h-11 items-center underline-offset-2 hover:underline"
            >
              {product.category.name}
            </IntentLink>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="truncate">
            {product.name}
          </li>
        </ol>
      </nav>
      <div className="grid gap-4 md:grid-cols-2 md:gap-6">
        <ProductGallery images={product.images} name={product.name} />
        <div className="space-y-4">
          <div id="buy-box" className="space-y-1.5">
            <div data-testid="product-price" className="flex flex-wrap items-baseline gap-x-3">
              <Price fen={product.priceFen} size="lg" />
              {product.salesCount > 0 ? (
                <span className="text-sm text-neutral-600">已售 {product.salesCount}</span>
              ) : null}
            </div>
            <h1 className="text-xl leading-snug font-bold md:text-2xl">{product.name}</h1>
            <p className="text-neutral-700">规格：{product.spec}</p>
            <p className="flex flex-wrap items-center gap-2 text-sm text-neutral-700">
              {product.badge === 'none' ? (
                <span className="rounded-md bg-neutral-100 px-2.5 py-1 text-neutral-700">暂未认定</span>
              ) : (
                <CertBadge state={product.badge} certificateNo={product.cert?.certificateNo} size="md" />
              )}
              <span>
                {product.supplier.townshipName} · {product.supplier.name}
              </span>
            </p>
          </div>
          <AddToCart slug={product.slug} stock={product.stock} />
          <p
            data-testid="after-sales-rule"
            className={`text-sm ${product.afterSalesClass === 'standard' ? 'text-neutral-700' : 'font-medium text-amber-900'}`}
          >
            售后：{AFTER_SALES_CLASS_LABELS[product.afterSalesClass]}；确认收货后 7 天内可申请售后。
          </p>
          <CertificationPanel cert={product.cert} badge={product.badge} />
          <TierPrices tiers={product.tiers} unitMinQuantity={product.unitMinQuantity} />
          <section aria-labelledby="desc-heading">
            <h2 id="desc-heading" className="font-semibold">
              商品介绍
            </h2>
            <Description text={product.description} />
            <p className="mt-2 text-sm text-neutral-600">商品编码：{product.code}</p>
          </section>
          <SupplierCard supplier={product.supplier} />
          <Suspense fallback={<div aria-hidden="true" className={`h-30 ${cardClass}`} />}>
            <ProductQr slug={product.slug} name={product.name} />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
