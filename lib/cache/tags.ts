/** Cache tags for catalog reads; actions that change listings revalidate them. */
export const CATALOG_TAG = 'catalog';
export const IMPACT_TAG = 'impact';
export const productTag = (slug: string) => `product:${slug}`;
