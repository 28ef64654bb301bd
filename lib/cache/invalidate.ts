import { revalidateTag } from 'next/cache';
import { getEnv } from '@/lib/env';
import { CATALOG_TAG, IMPACT_TAG, productTag } from './tags';

/**
 * Tag revalidation after writes. Outside a Next server (scripts, tests, benchmarks) there is no cache
 * to revalidate. Stock and the target figure expire at once (the next reader rebuilds them);
 * catalog-wide changes serve the stale entry once while the fresh one is built ('max').
 */
function revalidate(tags: string[], profile: 'max' | { expire: number }): void {
  if (!getEnv().NEXT_RUNTIME) return;
  for (const t of tags) revalidateTag(t, profile);
}

export const revalidateProducts = (slugs: string[]) => revalidate(slugs.map(productTag), { expire: 0 });
export const revalidateImpact = () => revalidate([IMPACT_TAG], { expire: 0 });
export const revalidateCatalog = () => revalidate([CATALOG_TAG], 'max');

/** After an order's stock or sales counts changed (paid, cancelled, expired). */
export async function revalidateOrder(ref: { orderId?: string; orderNo?: string }): Promise<void> {
  if (!getEnv().NEXT_RUNTIME) return;
  const { orderProductSlugs } = await import('@/db/queries/orders');
  revalidateProducts(await orderProductSlugs(ref));
  revalidateImpact();
}
