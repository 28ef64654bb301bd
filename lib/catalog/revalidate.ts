import { revalidateTag } from 'next/cache';
import { CATALOG_TAG, IMPACT_TAG, productTag } from './tags';

/**
 * Tag revalidation after writes. Outside a Next server (scripts, tests, benchmarks) there is no cache
 * to revalidate. 'max' serves the stale entry once while the fresh one is built.
 */
function revalidate(tags: string[]): void {
  if (!process.env.NEXT_RUNTIME) return;
  for (const t of tags) revalidateTag(t, 'max');
}

export const revalidateProducts = (slugs: string[]) => revalidate(slugs.map(productTag));
export const revalidateImpact = () => revalidate([IMPACT_TAG]);
export const revalidateCatalog = () => revalidate([CATALOG_TAG]);
