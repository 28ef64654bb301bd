import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { badgeState, type BadgeState, type CertificationStatus } from '@/domain/certification';
import { escapeLike, queryTerms, type CatalogQuery } from '@/domain/search';
import { rankByRelevance } from '@/domain/search-rank';
import { getDb } from '../client';
import { productIdentityColumns } from './columns';
import { categories, products, suppliers, townships } from '../schema';
import type { SupplierType } from '@/domain/accounts';

export type CertSummary = {
  certificateNo: string;
  issuer: string;
  catalogueBatch: string;
  issuedOn: string;
  expiresOn: string;
  status: CertificationStatus;
};

/** Who makes a product, as cards and the product page name them. */
export type SupplierSummary = {
  slug: string;
  name: string;
  type: SupplierType;
  township: string;
  townshipName: string;
};

export type ProductCard = {
  id: number;
  slug: string;
  code: string;
  name: string;
  spec: string;
  priceFen: number;
  stock: number;
  salesCount: number;
  category: { slug: string; name: string };
  supplier: SupplierSummary;
  imageSha: string | null;
  cert: CertSummary | null;
  badge: BadgeState;
};

/**
 * The certificate a product shows: the approved one in force with the latest expiry if there is one,
 * otherwise its most recent certificate. `today` is a YYYY-MM-DD date in China time.
 */
function currentCertJson(today: string): SQL<CertSummary | null> {
  return sql<CertSummary | null>`(
    select json_build_object(
      'certificateNo', c.certificate_no, 'issuer', c.issuer, 'catalogueBatch', c.catalogue_batch,
      'issuedOn', c.issued_on, 'expiresOn', c.expires_on, 'status', c.status)
    from certifications c where c.product_id = "products"."id"
    order by (c.status = 'approved' and c.expires_on >= ${today}::date) desc, c.expires_on desc, c.id desc
    limit 1)`;
}

const firstImageSha = sql<string | null>`(
  select pi.sha256 from product_images pi where pi.product_id = "products"."id" order by pi.position limit 1)`;

function cardColumns(today: string) {
  return {
    ...productIdentityColumns,
    stock: products.stock,
    salesCount: products.salesCount,
    status: products.status,
    categorySlug: categories.slug,
    categoryName: categories.name,
    supplierSlug: suppliers.slug,
    supplierName: suppliers.name,
    supplierType: suppliers.type,
    township: townships.slug,
    townshipName: townships.name,
    imageSha: firstImageSha,
    cert: currentCertJson(today),
  };
}

type CardRow = Awaited<ReturnType<typeof baseCardQuery>>[number];

function toCard(r: CardRow, today: string): ProductCard {
  const cert = r.cert ? normalizeCert(r.cert) : null;
  return {
    id: r.id,
    slug: r.slug,
    code: r.code,
    name: r.name,
    spec: r.spec,
    priceFen: r.priceFen,
    stock: r.stock,
    salesCount: r.salesCount,
    category: { slug: r.categorySlug, name: r.categoryName },
    supplier: {
      slug: r.supplierSlug,
      name: r.supplierName,
      type: r.supplierType,
      township: r.township,
      townshipName: r.townshipName,
    },
    imageSha: r.imageSha,
    cert,
    badge: badgeState(r.status, cert, today),
  };
}

/** PGlite returns json as an object, postgres.js may return the text; dates come back as strings. */
function normalizeCert(raw: unknown): CertSummary {
  const c = (typeof raw === 'string' ? JSON.parse(raw) : raw) as CertSummary;
  return { ...c, issuedOn: String(c.issuedOn).slice(0, 10), expiresOn: String(c.expiresOn).slice(0, 10) };
}

function baseCardQuery(today: string) {
  return getDb()
    .select(cardColumns(today))
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug));
}

const inForceExists = (today: string) => sql`exists (
  select 1 from certifications c where c.product_id = "products"."id"
  and c.status = 'approved' and c.expires_on >= ${today}::date)`;

/**
 * Conditions for one search term: the term's grams are all in the product's gram index and the text
 * really contains the term; or the term names the product's supplier or category.
 */
async function termCondition(term: string): Promise<SQL> {
  const like = `%${escapeLike(term)}%`;
  const db = getDb();
  const [supplierIds, categoryIds] = await Promise.all([
    db
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(sql`lower(${suppliers.name}) like ${like}`),
    db
      .select({ id: categories.id })
      .from(categories)
      .where(sql`lower(${categories.name}) like ${like}`),
  ]);
  const parts: SQL[] = [
    sql`(${products.searchGrams} @> gj_query_grams(${term}) and ${products.searchText} like ${like})`,
  ];
  if (supplierIds.length)
    parts.push(
      inArray(
        products.supplierId,
        supplierIds.map((s) => s.id),
      ),
    );
  if (categoryIds.length)
    parts.push(
      inArray(
        products.categoryId,
        categoryIds.map((c) => c.id),
      ),
    );
  return sql`(${sql.join(parts, sql` or `)})`;
}

type SearchResult = { items: ProductCard[]; total: number; page: number; pageSize: number };

async function searchConditions(query: CatalogQuery, today: string): Promise<SQL[]> {
  const where: SQL[] = [eq(products.status, 'listed')];
  if (query.category) where.push(eq(categories.slug, query.category));
  if (query.township) where.push(eq(suppliers.townshipSlug, query.township));
  if (query.supplier) where.push(eq(suppliers.slug, query.supplier));
  if (query.certifiedOnly) where.push(inForceExists(today));
  if (query.minPriceFen !== undefined) where.push(gte(products.priceFen, query.minPriceFen));
  if (query.maxPriceFen !== undefined) where.push(lte(products.priceFen, query.maxPriceFen));
  for (const term of queryTerms(query.q)) where.push(await termCondition(term));
  return where;
}

export async function searchProducts({ query, today }: { query: CatalogQuery; today: string }): Promise<SearchResult> {
  const where = await searchConditions(query, today);
  const terms = queryTerms(query.q);
  if (query.sort === 'relevance' && terms.length) return searchByRelevance({ query, terms, where, today });

  const order = {
    // 综合 without a query: the office's featured products, then best sellers, then the newest.
    relevance: [desc(products.featured), desc(products.salesCount), desc(products.listedAt), desc(products.id)],
    newest: [desc(products.listedAt), desc(products.id)],
    price_asc: [asc(products.priceFen), asc(products.id)],
    price_desc: [desc(products.priceFen), desc(products.id)],
    sales: [desc(products.salesCount), desc(products.id)],
  }[query.sort];

  const rows = await getDb()
    .select({ ...cardColumns(today), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .innerJoin(townships, eq(townships.slug, suppliers.townshipSlug))
    .where(and(...where))
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    const [c] = await getDb()
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
      .where(and(...where));
    total = c?.n ?? 0;
  }
  return { items: rows.map((r) => toCard(r, today)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * 综合 with a query: every match's name and a few counts are read, ranked by domain/search-rank.ts,
 * and only the requested page is read in full.
 */
async function searchByRelevance({
  query,
  terms,
  where,
  today,
}: {
  query: CatalogQuery;
  terms: string[];
  where: SQL[];
  today: string;
}): Promise<SearchResult> {
  const hits = terms.map((t) => sql`(case when ${products.searchText} like ${`%${escapeLike(t)}%`} then 1 else 0 end)`);
  const candidates = await getDb()
    .select({
      id: products.id,
      name: products.name,
      salesCount: products.salesCount,
      listedAt: sql<number>`coalesce(extract(epoch from ${products.listedAt}) * 1000, 0)`.mapWith(Number),
      textHits: sql<number>`(${sql.join(hits, sql` + `)})`.mapWith(Number),
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .innerJoin(suppliers, eq(suppliers.id, products.supplierId))
    .where(and(...where));
  const start = (query.page - 1) * query.pageSize;
  const pageIds = rankByRelevance(query.q, candidates)
    .slice(start, start + query.pageSize)
    .map((c) => c.id);
  const rows = pageIds.length ? await baseCardQuery(today).where(inArray(products.id, pageIds)) : [];
  const byId = new Map(rows.map((r) => [r.id, toCard(r, today)]));
  return {
    items: pageIds.map((id) => byId.get(id)).filter((c): c is ProductCard => !!c),
    total: candidates.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getFeaturedProducts({ limit, today }: { limit: number; today: string }): Promise<ProductCard[]> {
  const rows = await baseCardQuery(today)
    .where(and(eq(products.status, 'listed'), eq(products.featured, true)))
    .orderBy(desc(products.listedAt), desc(products.id))
    .limit(limit);
  return rows.map((r) => toCard(r, today));
}

export async function getProductsBySupplier({
  supplierSlug,
  limit,
  today,
}: {
  supplierSlug: string;
  limit: number;
  today: string;
}): Promise<ProductCard[]> {
  const rows = await baseCardQuery(today)
    .where(and(eq(products.status, 'listed'), eq(suppliers.slug, supplierSlug)))
    .orderBy(desc(products.featured), desc(products.listedAt), desc(products.id))
    .limit(limit);
  return rows.map((r) => toCard(r, today));
}

/** Listed products by slug, in the order given (livestream featured products). */
export async function getProductCardsBySlugs({
  slugs,
  today,
}: {
  slugs: string[];
  today: string;
}): Promise<ProductCard[]> {
  if (!slugs.length) return [];
  const rows = await baseCardQuery(today).where(and(inArray(products.slug, slugs), eq(products.status, 'listed')));
  const bySlug = new Map(rows.map((r) => [r.slug, toCard(r, today)]));
  return slugs.map((s) => bySlug.get(s)).filter((c): c is ProductCard => !!c);
}
