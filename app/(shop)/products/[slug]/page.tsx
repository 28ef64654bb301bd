import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductDetail } from '@/components/product/product-detail';
import { cachedListedSlugs, cachedProduct } from '@/lib/cache/reads';

type Params = Promise<{ slug: string }>;

/** The most recent listings are prerendered at build; the rest render on first visit and are cached. */
export async function generateStaticParams() {
  const slugs = await cachedListedSlugs(100);
  return (slugs.length ? slugs : ['_']).map((slug) => ({ slug }));
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
