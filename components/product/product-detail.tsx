import Link from 'next/link';
import type { ProductDetail as Detail } from '@/db/queries/product';
import { AddToCart } from '../cart/add-to-cart';
import { ProductImage } from '../catalog/product-image';
import { Description } from './description';
import { Price } from '../ui/money';
import { CertificationPanel } from './certification-panel';
import { PageQrCode } from './qr-code';
import { SupplierCard } from './supplier-card';
import { TierPrices } from './tier-prices';

export function ProductDetail({ product, pageUrl }: { product: Detail; pageUrl: string }) {
  const [first, ...rest] = product.images;
  return (
    <div className="mx-auto max-w-6xl px-4 pt-4 pb-28 md:pb-4">
      <nav aria-label="面包屑" className="mb-3 text-sm text-neutral-700">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/" className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">
              首页
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link
              href={`/products?category=${product.category.slug}`}
              className="inline-flex min-h-11 items-center underline-offset-2 hover:underline"
            >
              {product.category.name}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="truncate">
            {product.name}
          </li>
        </ol>
      </nav>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          <ul
            aria-label="商品图片"
            tabIndex={0}
            className="flex snap-x snap-mandatory gap-2 overflow-x-auto rounded-xl md:flex-col md:overflow-visible"
          >
            {first ? (
              <li className="w-full shrink-0 snap-center overflow-hidden rounded-xl">
                <ProductImage
                  sha={first.sha256}
                  alt={first.alt || product.name}
                  variants={first.variants}
                  sizes="(min-width: 768px) 560px, 100vw"
                  priority
                />
              </li>
            ) : (
              <li className="w-full shrink-0">
                <ProductImage sha={null} alt={product.name} />
              </li>
            )}
            {rest.map((img) => (
              <li key={img.sha256} className="w-full shrink-0 snap-center overflow-hidden rounded-xl">
                <ProductImage
                  sha={img.sha256}
                  alt={img.alt || product.name}
                  variants={img.variants}
                  sizes="(min-width: 768px) 560px, 100vw"
                />
              </li>
            ))}
          </ul>
        </div>
        <div className="space-y-4">
          <div>
            <h1 className="text-2xl font-bold">{product.name}</h1>
            <p className="mt-1 text-neutral-700">规格：{product.spec}</p>
          </div>
          <div className="flex flex-wrap items-end gap-x-4 gap-y-1">
            <Price fen={product.priceFen} size="lg" />
            {product.salesCount > 0 ? (
              <span className="text-sm text-neutral-600">已售 {product.salesCount}</span>
            ) : null}
            <span className={`text-sm ${product.stock > 0 ? 'text-neutral-700' : 'font-medium text-brand-700'}`}>
              {product.stock > 0 ? `库存 ${product.stock} 件` : '已售罄，补货中'}
            </span>
          </div>
          <AddToCart slug={product.slug} stock={product.stock} />
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
          <PageQrCode url={pageUrl} label={`${product.name} 商品页二维码`} />
        </div>
      </div>
    </div>
  );
}
