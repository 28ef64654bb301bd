import type { ProductCard } from '@/db/queries/catalog';
import type { ProductDetail } from '@/db/queries/product';

/** The JSON API's product shape (CONTRACT.md). Money is integer fen. */
export function productListItemJson(p: ProductCard) {
  return {
    slug: p.slug,
    code: p.code,
    name: p.name,
    spec: p.spec,
    priceFen: p.priceFen,
    stock: p.stock,
    certified: p.badge === 'certified',
    certificateNo: p.badge === 'certified' ? (p.cert?.certificateNo ?? null) : null,
    supplier: { slug: p.supplier.slug, name: p.supplier.name, township: p.supplier.townshipName },
    category: p.category.slug,
    imageUrl: p.imageSha ? `/media/${p.imageSha}` : null,
  };
}

export function productDetailJson(p: ProductDetail) {
  return {
    slug: p.slug,
    code: p.code,
    name: p.name,
    spec: p.spec,
    description: p.description,
    priceFen: p.priceFen,
    referencePriceFen: p.referencePriceFen,
    stock: p.stock,
    salesCount: p.salesCount,
    unitMinQuantity: p.unitMinQuantity,
    tierPrices: p.tiers.map((t) => ({ minQuantity: t.minQuantity, priceFen: t.priceFen })),
    certified: p.badge === 'certified',
    certificateNo: p.cert?.certificateNo ?? null,
    certification: p.cert ? { ...p.cert, badge: p.badge } : null,
    supplier: {
      slug: p.supplier.slug,
      name: p.supplier.name,
      township: p.supplier.townshipName,
      type: p.supplier.type,
      povertyHouseholds: p.supplier.povertyHouseholds,
      benefitShareBps: p.supplier.benefitShareBps,
    },
    category: p.category.slug,
    images: p.images.map((i) => ({ url: `/media/${i.sha256}`, alt: i.alt, width: i.width, height: i.height })),
  };
}
