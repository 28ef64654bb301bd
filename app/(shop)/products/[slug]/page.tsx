import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductDetail } from '@/components/product/product-detail';
import { cachedProduct } from '@/lib/cache/reads';

type Params = Promise<{ slug: string }>;

/**
 * Static per product, and rendered by the running server: each product on its first visit (which waits for
 * the complete page: the shop has no loading.tsx, see listing/[key]/page.tsx), kept until its tags expire. Nothing is rendered
 * at build but a placeholder ('_' is no slug: proxy.ts answers 404), so the QR code prints the APP_URL
 * the server runs with. proxy.ts sends unknown slugs to the 404 before they get here.
 */
export const ensureStatic = 'navigation';

export async function generateStaticParams() {
  return [{ slug: '_' }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const product = SLUG.test(slug) ? await cachedProduct(slug) : null;
  if (!product) return { title: '商品不存在' };
  return { title: product.name, description: `${product.name}（${product.spec}）— ${product.supplier.name}` };
}

const SLUG = /^[a-z0-9-]{1,80}$/;

export default async function ProductPage({ params }: { params: Params }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const product = await cachedProduct(slug);
  if (!product) notFound();
  return <ProductDetail product={product} />;
}
