import 'server-only';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { canTransition, type LivestreamStatus } from '@/domain/livestream';
import { getDb, rowsOf } from '../client';
import { livestreamProducts, livestreams, products } from '../schema';
import { recordAudit } from './audit';

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

/** 安排直播: featured products must be the supplier's own. */
export async function createLivestream(p: {
  supplierId: number;
  actorId: string;
  title: string;
  description: string;
  startsAt: Date;
  streamUrl: string;
  productIds: number[];
}): Promise<number | { error: string }> {
  return getDb().transaction(async (tx) => {
    if (p.productIds.length) {
      const own = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(inArray(products.id, p.productIds), eq(products.supplierId, p.supplierId)));
      if (own.length !== new Set(p.productIds).size) return { error: '只能推荐本供应商的商品' };
    }
    const [row] = await tx
      .insert(livestreams)
      .values({
        supplierId: p.supplierId,
        title: p.title,
        description: p.description,
        startsAt: p.startsAt,
        streamUrl: p.streamUrl,
      })
      .returning({ id: livestreams.id });
    if (p.productIds.length)
      await tx
        .insert(livestreamProducts)
        .values([...new Set(p.productIds)].map((productId) => ({ livestreamId: row!.id, productId })));
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'livestream.create',
        entity: 'livestream',
        entityId: String(row!.id),
        data: { supplierId: p.supplierId, products: p.productIds.length },
      },
      tx,
    );
    return row!.id;
  });
}

/** 开始直播 / 结束直播 / 取消. */
export async function setLivestreamStatus(p: {
  id: number;
  supplierId: number;
  to: LivestreamStatus;
  actorId: string;
}): Promise<'ok' | 'not_found' | 'invalid'> {
  return getDb().transaction(async (tx) => {
    const [cur] = await tx
      .select({ status: livestreams.status })
      .from(livestreams)
      .where(and(eq(livestreams.id, p.id), eq(livestreams.supplierId, p.supplierId)))
      .for('update');
    if (!cur) return 'not_found';
    if (!canTransition(cur.status, p.to)) return 'invalid';
    await tx
      .update(livestreams)
      .set({
        status: p.to,
        startedAt: p.to === 'live' ? sql`now()` : undefined,
        endedAt: p.to === 'ended' ? sql`now()` : undefined,
      })
      .where(eq(livestreams.id, p.id));
    await recordAudit(
      { actorUserId: p.actorId, action: `livestream.${p.to}`, entity: 'livestream', entityId: String(p.id) },
      tx,
    );
    return 'ok';
  });
}

/** Suppliers' products that may be featured (listed ones), for the scheduling form. */
export async function listFeaturableProducts({ supplierId }: { supplierId: number }) {
  return getDb()
    .select({ id: products.id, name: products.name, spec: products.spec })
    .from(products)
    .where(and(eq(products.supplierId, supplierId), ne(products.status, 'draft')))
    .orderBy(asc(products.code));
}
