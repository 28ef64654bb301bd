import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { LivestreamStatus } from '@/domain/livestream';
import { getDb, rowsOf, type Executor } from '../client';
import { livestreamProducts, livestreams, products } from '../schema';

export type LivestreamRow = {
  id: number;
  supplierId: number;
  supplierName: string;
  supplierSlug: string;
  title: string;
  description: string;
  startsAt: Date;
  streamUrl: string;
  status: LivestreamStatus;
  productSlugs: string[];
  /** Paid sales attributed to the stream, net of refunds (ledger). */
  salesFen: bigint;
  orders: number;
};

type Raw = {
  id: number;
  supplier_id: number;
  supplier_name: string;
  supplier_slug: string;
  title: string;
  description: string;
  starts_at: Date | string;
  stream_url: string;
  status: LivestreamStatus;
  product_slugs: string[] | string | null;
  sales_fen: string;
  orders: number;
};

const toRow = (r: Raw): LivestreamRow => ({
  id: r.id,
  supplierId: r.supplier_id,
  supplierName: r.supplier_name,
  supplierSlug: r.supplier_slug,
  title: r.title,
  description: r.description,
  startsAt: new Date(r.starts_at),
  streamUrl: r.stream_url,
  status: r.status,
  productSlugs: (typeof r.product_slugs === 'string' ? JSON.parse(r.product_slugs) : r.product_slugs) ?? [],
  salesFen: BigInt(r.sales_fen),
  orders: r.orders,
});

function select(where: ReturnType<typeof sql>, limit: number) {
  return sql`
    select l.id, l.supplier_id, s.name as supplier_name, s.slug as supplier_slug, l.title, l.description, l.starts_at, l.stream_url, l.status::text as status,
      (select json_agg(p.slug order by p.code) from livestream_products lp join products p on p.id = lp.product_id where lp.livestream_id = l.id) as product_slugs,
      (select coalesce(sum(amount_fen), 0)::text from sales_ledger sl where sl.livestream_id = l.id) as sales_fen,
      (select count(distinct order_id)::int from sales_ledger sl where sl.livestream_id = l.id and sl.kind = 'sale') as orders
    from livestreams l join suppliers s on s.id = l.supplier_id
    where ${where}
    order by l.starts_at desc
    limit ${limit}`;
}

export async function getLivestreamSupplierId({ id }: { id: number }): Promise<number | null> {
  const [l] = await getDb()
    .select({ supplierId: livestreams.supplierId })
    .from(livestreams)
    .where(eq(livestreams.id, id));
  return l?.supplierId ?? null;
}

/** Every session for the public page: the page sorts them into live, upcoming and past. */
export async function listPublicLivestreams({ limit }: { limit: number }): Promise<LivestreamRow[]> {
  return rowsOf<Raw>(await getDb().execute(select(sql`l.status <> 'cancelled'`, limit))).map(toRow);
}

export async function listSupplierLivestreams({ supplierId }: { supplierId: number }): Promise<LivestreamRow[]> {
  return rowsOf<Raw>(await getDb().execute(select(sql`l.supplier_id = ${supplierId}`, 100))).map(toRow);
}

export async function getLivestream({ id }: { id: number }): Promise<LivestreamRow | null> {
  const [r] = rowsOf<Raw>(await getDb().execute(select(sql`l.id = ${id} and l.status <> 'cancelled'`, 1)));
  return r ? toRow(r) : null;
}

/** How many of these products belong to the supplier. */
export async function countSupplierProducts(
  { supplierId, productIds }: { supplierId: number; productIds: number[] },
  tx: Executor,
): Promise<number> {
  if (!productIds.length) return 0;
  const own = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.id, productIds), eq(products.supplierId, supplierId)));
  return own.length;
}

export async function insertLivestream(values: typeof livestreams.$inferInsert, tx: Executor): Promise<number> {
  const [row] = await tx.insert(livestreams).values(values).returning({ id: livestreams.id });
  return row!.id;
}

export async function insertLivestreamProducts(
  { livestreamId, productIds }: { livestreamId: number; productIds: number[] },
  tx: Executor,
): Promise<void> {
  if (productIds.length)
    await tx.insert(livestreamProducts).values(productIds.map((productId) => ({ livestreamId, productId })));
}

/** The session's status if it is this supplier's, locked. */
export async function lockSupplierLivestream(
  { id, supplierId }: { id: number; supplierId: number },
  tx: Executor,
): Promise<LivestreamStatus | null> {
  const [cur] = await tx
    .select({ status: livestreams.status })
    .from(livestreams)
    .where(and(eq(livestreams.id, id), eq(livestreams.supplierId, supplierId)))
    .for('update');
  return cur?.status ?? null;
}

/** 开始直播 / 结束直播 / 取消: the status, with the start or end time. */
export async function setLivestreamStatusRow({ id, to }: { id: number; to: LivestreamStatus }, tx: Executor) {
  await tx
    .update(livestreams)
    .set({
      status: to,
      startedAt: to === 'live' ? sql`now()` : undefined,
      endedAt: to === 'ended' ? sql`now()` : undefined,
    })
    .where(eq(livestreams.id, id));
}

/** Suppliers' products that may be featured (listed ones), for the scheduling form. */
export async function listFeaturableProducts({ supplierId }: { supplierId: number }) {
  return getDb()
    .select({ id: products.id, name: products.name, spec: products.spec })
    .from(products)
    .where(and(eq(products.supplierId, supplierId), ne(products.status, 'draft')))
    .orderBy(asc(products.code));
}
