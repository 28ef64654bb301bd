import type { AfterSalesClass } from '@/domain/after-sales';
import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { badgeState, type BadgeState } from '@/domain/certification';
import { getDb } from '../client';
import {
  categories,
  certifications,
  mediaBlobs,
  productImages,
  products,
  productTierPrices,
  suppliers,
  townships,
} from '../schema';
import type { CertSummary, SupplierSummary } from './catalog';
import type { SupplierType } from '@/domain/accounts';
import type { ProductStatus } from '@/domain/certification';

export type ProductDetail = {
  id: number;
  slug: string;
  code: string;
  name: string;
  spec: string;
  description: string;
  priceFen: number;
  referencePriceFen: number | null;
  stock: number;
  salesCount: number;
  unitMinQuantity: number;
  afterSalesClass: AfterSalesClass;
  status: ProductStatus;
  category: { slug: string; name: string };
  supplier: SupplierSummary & {
    povertyHouseholds: number;
    benefitMechanism: string;
    benefitShareBps: number;
    description: string;
  };
  images: {
    sha256: string;
    alt: string;
    width: number;
    height: number;
    variants: { width: number; sha256: string }[];
  }[];
  tiers: { minQuantity: number; priceFen: number }[];
  cert: CertSummary | null;
  badge: BadgeState;
};

const day = (d: string) => String(d).slice(0, 10);

/** A public product page: listed products only (others are not found). */
export async function getProductBySlug({
  slug,
  today,
}: {
  slug: string;
  today: string;
}): Promise<ProductDetail | null> {
  const db = getDb();
  const [p] = await db
    .select({
      product: products,
      category: { slug: categories.slug, name: categories.name },
      supplier: {
        slug: suppliers.slug,
        name: suppliers.name,
        type: suppliers.type,
        township: suppliers.townshipSlug,
        townshipName: townships.name,
        povertyHouseholds: suppliers.povertyHouseholds,
        benefitMechanism: suppliers.benefitMechanism,
        benefitShareBps: suppliers.benefitShareBps,
        description: suppliers.description,
      },
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug))
    .where(and(eq(products.slug, slug), eq(products.status, 'listed')))
    .limit(1);
  if (!p) return null;

  const [images, tiers, certs] = await Promise.all([
    db
      .select({
        sha256: productImages.sha256,
        alt: productImages.alt,
        width: productImages.width,
        height: productImages.height,
        variants: productImages.variants,
      })
      .from(productImages)
      .where(eq(productImages.productId, p.product.id))
      .orderBy(asc(productImages.position)),
    db
      .select({ minQuantity: productTierPrices.minQuantity, priceFen: productTierPrices.priceFen })
      .from(productTierPrices)
      .where(eq(productTierPrices.productId, p.product.id))
      .orderBy(asc(productTierPrices.minQuantity)),
    db
      .select()
      .from(certifications)
      .where(eq(certifications.productId, p.product.id))
      .orderBy(
        desc(sql`(${certifications.status} = 'approved' and ${certifications.expiresOn} >= ${today}::date)`),
        desc(certifications.expiresOn),
        desc(certifications.id),
      )
      .limit(1),
  ]);
  const c = certs[0];
  const cert: CertSummary | null = c
    ? {
        certificateNo: c.certificateNo,
        issuer: c.issuer,
        catalogueBatch: c.catalogueBatch,
        issuedOn: day(c.issuedOn),
        expiresOn: day(c.expiresOn),
        status: c.status,
      }
    : null;
  const { product } = p;
  return {
    id: product.id,
    slug: product.slug,
    code: product.code,
    name: product.name,
    spec: product.spec,
    description: product.description,
    priceFen: product.priceFen,
    referencePriceFen: product.referencePriceFen,
    stock: product.stock,
    salesCount: product.salesCount,
    unitMinQuantity: product.unitMinQuantity,
    afterSalesClass: product.afterSalesClass,
    status: product.status,
    category: p.category,
    supplier: p.supplier,
    images,
    tiers,
    cert,
    badge: badgeState(product.status, cert, today),
  };
}

export type CertificateRecord = CertSummary & {
  product: { slug: string; name: string; spec: string; status: string };
  supplier: { name: string; townshipName: string; type: SupplierType };
};

/** Public certificate check by number (case-insensitive). */
export async function getCertificateByNo({
  certificateNo,
}: {
  certificateNo: string;
}): Promise<CertificateRecord | null> {
  const [r] = await getDb()
    .select({
      cert: certifications,
      product: { slug: products.slug, name: products.name, spec: products.spec, status: products.status },
      supplier: { name: suppliers.name, townshipName: townships.name, type: suppliers.type },
    })
    .from(certifications)
    .innerJoin(products, eq(products.id, certifications.productId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug))
    .where(eq(sql`upper(${certifications.certificateNo})`, certificateNo.toUpperCase()))
    .limit(1);
  if (!r) return null;
  return {
    certificateNo: r.cert.certificateNo,
    issuer: r.cert.issuer,
    catalogueBatch: r.cert.catalogueBatch,
    issuedOn: day(r.cert.issuedOn),
    expiresOn: day(r.cert.expiresOn),
    status: r.cert.status,
    product: r.product,
    supplier: r.supplier,
  };
}

/** Image bytes by content hash, for the /media route. */
export async function getImageBySha({
  sha256,
}: {
  sha256: string;
}): Promise<{ contentType: string; bytes: Uint8Array } | null> {
  const [r] = await getDb()
    .select({ contentType: productImages.contentType, bytes: productImages.bytes })
    .from(productImages)
    .where(eq(productImages.sha256, sha256))
    .limit(1);
  if (r) return r;
  // Other sizes of uploaded photos.
  const [b] = await getDb()
    .select({ contentType: mediaBlobs.contentType, bytes: mediaBlobs.bytes })
    .from(mediaBlobs)
    .where(eq(mediaBlobs.sha256, sha256));
  return b ?? null;
}
