import type { Metadata } from 'next';
import { CategoryDirectory } from '@/components/catalog/category-directory';
import { cachedFacets } from '@/lib/cache/reads';

export const metadata: Metadata = {
  title: '商品分类',
  description: '按分类、产地（镇街）和供应商浏览个旧消费帮扶商城的农特产品与大屯幸福社区刺绣。',
};

export default async function CategoriesPage() {
  return <CategoryDirectory facets={await cachedFacets()} />;
}
