import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { categories, products, suppliers, townships } from '../schema';

/** The lists a catalog is browsed by (categories, townships, suppliers) and the listed products' slugs. */

export async function listCategories(): Promise<{ slug: string; name: string; color: string; productCount: number }[]> {
  return getDb()
    .select({
      slug: categories.slug,
      name: categories.name,
      color: categories.color,
      productCount:
        sql<number>`(select count(*) from products p where p.category_id = "categories"."id" and p.status = 'listed')`.mapWith(
          Number,
        ),
    })
    .from(categories)
    .orderBy(asc(categories.sortOrder));
}

export async function listTownships(): Promise<{ slug: string; name: string }[]> {
  return getDb()
    .select({ slug: townships.slug, name: townships.name })
    .from(townships)
    .orderBy(asc(townships.sortOrder));
}

export async function listSuppliers(): Promise<{ slug: string; name: string; township: string }[]> {
  return getDb()
    .select({ slug: suppliers.slug, name: suppliers.name, township: suppliers.townshipSlug })
    .from(suppliers)
    .orderBy(asc(suppliers.id));
}

/** Slugs of listed products, most recent first, for prerendering. */
export async function listListedProductSlugs({ limit }: { limit: number }): Promise<string[]> {
  const rows = await getDb()
    .select({ slug: products.slug })
    .from(products)
    .where(eq(products.status, 'listed'))
    .orderBy(desc(products.listedAt), desc(products.id))
    .limit(limit);
  return rows.map((r) => r.slug);
}
