import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type ProductStatus } from '@/domain/certification';
import {
  checkStockAdjustment,
  delistTransition,
  editTransition,
  EXPIRY_WARNING_DAYS,
  LOW_STOCK,
  submitTransition,
} from '@/domain/listing';
import { isOverpriced } from '@/domain/price-fairness';
import type { Tier } from '@/domain/tier-pricing';
import type { ImageVariant } from '@/lib/media/process';
import { getDb, rowsOf } from '../client';
import {
  categories,
  certifications,
  mediaBlobs,
  productImages,
  products,
  productTierPrices,
  stockAdjustments,
  users,
} from '../schema';
import { withTxRetry } from '../tx';
import { recordAudit } from './audit';
import { chinaDate } from '@/domain/time';

/** The supplier that owns a product, for guards; null when there is no such product. */
export async function getProductSupplierId({ productId }: { productId: number }): Promise<number | null> {
  const [p] = await getDb()
    .select({ supplierId: products.supplierId })
    .from(products)
    .where(eq(products.id, productId));
  return p?.supplierId ?? null;
}

export type ListingFields = {
  name: string;
  spec: string;
  description: string;
  categorySlug: string;
  priceFen: number;
  referencePriceFen: number | null;
  unitMinQuantity: number;
  tiers: Tier[];
};

const inForceSql = (today: string) =>
  sql<boolean>`exists (select 1 from certifications c where c.product_id = "products"."id" and c.status = 'approved' and c.expires_on >= ${today}::date)`;
// Written out: drizzle renders a column inside a select's sql as a bare "id", which the subquery would resolve to c.id.
const pendingSql = sql<boolean>`exists (select 1 from certifications c where c.product_id = "products"."id" and c.status = 'pending')`;

/** A supplier's own products, every status, with what the manager needs at a glance. */
export async function listSupplierProducts({ supplierId }: { supplierId: number }) {
  const today = chinaDate();
  const rows = await getDb()
    .select({
      id: products.id,
      slug: products.slug,
      code: products.code,
      name: products.name,
      spec: products.spec,
      priceFen: products.priceFen,
      referencePriceFen: products.referencePriceFen,
      stock: products.stock,
      status: products.status,
      salesCount: products.salesCount,
      inForce: inForceSql(today),
      pending: pendingSql,
      imageSha: sql<
        string | null
      >`(select pi.sha256 from product_images pi where pi.product_id = "products"."id" order by pi.position limit 1)`,
    })
    .from(products)
    .where(eq(products.supplierId, supplierId))
    .orderBy(asc(products.code));
  return rows.map((r) => ({ ...r, overpriced: isOverpriced(r.priceFen, r.referencePriceFen) }));
}

/** One product for its manager's editor; null when it is not this supplier's. */
export async function getSupplierProduct({ productId, supplierId }: { productId: number; supplierId: number }) {
  const db = getDb();
  const today = chinaDate();
  const [p] = await db
    .select({ product: products, categorySlug: categories.slug, inForce: inForceSql(today), pending: pendingSql })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.id, productId), eq(products.supplierId, supplierId)));
  if (!p) return null;
  const [tiers, images, certs, adjustments] = await Promise.all([
    db
      .select({ minQuantity: productTierPrices.minQuantity, priceFen: productTierPrices.priceFen })
      .from(productTierPrices)
      .where(eq(productTierPrices.productId, productId))
      .orderBy(asc(productTierPrices.minQuantity)),
    db
      .select({
        id: productImages.id,
        sha256: productImages.sha256,
        alt: productImages.alt,
        width: productImages.width,
        height: productImages.height,
        position: productImages.position,
      })
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position)),
    db
      .select({
        id: certifications.id,
        certificateNo: certifications.certificateNo,
        issuer: certifications.issuer,
        catalogueBatch: certifications.catalogueBatch,
        issuedOn: certifications.issuedOn,
        expiresOn: certifications.expiresOn,
        status: certifications.status,
        reviewNote: certifications.reviewNote,
        hasFile: sql<boolean>`${certifications.fileBytes} is not null`,
      })
      .from(certifications)
      .where(eq(certifications.productId, productId))
      .orderBy(desc(certifications.id)),
    db
      .select({
        id: stockAdjustments.id,
        delta: stockAdjustments.delta,
        stockAfter: stockAdjustments.stockAfter,
        reason: stockAdjustments.reason,
        createdAt: stockAdjustments.createdAt,
        actorName: users.name,
      })
      .from(stockAdjustments)
      .leftJoin(users, eq(users.id, stockAdjustments.actorUserId))
      .where(eq(stockAdjustments.productId, productId))
      .orderBy(desc(stockAdjustments.id))
      .limit(20),
  ]);
  return {
    ...p.product,
    categorySlug: p.categorySlug,
    inForce: p.inForce,
    pending: p.pending,
    tiers,
    images,
    certs,
    adjustments,
  };
}

async function categoryId(tx: Pick<ReturnType<typeof getDb>, 'select'>, slug: string): Promise<number | null> {
  const [c] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  return c?.id ?? null;
}

export class ListingError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 新增商品: a draft with the next GJ code; its initial stock is recorded as an adjustment. */
export async function createProduct(p: {
  supplierId: number;
  actorId: string;
  f: ListingFields;
  stock: number;
}): Promise<{ id: number; code: string; slug: string }> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const cat = await categoryId(tx, p.f.categorySlug);
      if (!cat) throw new ListingError('请选择分类', 'categorySlug');
      // Codes are GJ + a number; the advisory lock serialises concurrent creations across instances.
      await tx.execute(sql`select pg_advisory_xact_lock(7301)`);
      const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
        await tx.execute(
          sql`select coalesce(max(substring(code from 3)::int), 0)::int + 1 as n from products where code ~ '^GJ[0-9]+$'`,
        ),
      );
      const code = `GJ${String(n).padStart(4, '0')}`;
      const slug = code.toLowerCase();
      const [row] = await tx
        .insert(products)
        .values({
          slug,
          code,
          name: p.f.name,
          spec: p.f.spec,
          description: p.f.description,
          categoryId: cat,
          supplierId: p.supplierId,
          priceFen: p.f.priceFen,
          referencePriceFen: p.f.referencePriceFen,
          unitMinQuantity: p.f.unitMinQuantity,
          stock: p.stock,
          status: 'draft',
        })
        .returning({ id: products.id });
      if (p.f.tiers.length)
        await tx.insert(productTierPrices).values(p.f.tiers.map((t) => ({ productId: row!.id, ...t })));
      if (p.stock > 0)
        await tx.insert(stockAdjustments).values({
          productId: row!.id,
          delta: p.stock,
          stockAfter: p.stock,
          reason: '初始库存',
          actorUserId: p.actorId,
        });
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'product.create',
          entity: 'product',
          entityId: code,
          data: { supplierId: p.supplierId, priceFen: p.f.priceFen, stock: p.stock },
        },
        tx,
      );
      return { id: row!.id, code, slug };
    }),
  );
}

/**
 * 编辑商品. A changed name or spec sends approved certificates back to review (and a listed product
 * with them). Returns the slug and whether it went back to review; null when not this supplier's.
 */
export async function updateProduct(p: {
  productId: number;
  supplierId: number;
  actorId: string;
  f: ListingFields;
}): Promise<{ slug: string; reReview: boolean; status: ProductStatus } | null> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const [cur] = await tx
        .select()
        .from(products)
        .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)))
        .for('update');
      if (!cur) return null;
      const cat = await categoryId(tx, p.f.categorySlug);
      if (!cat) throw new ListingError('请选择分类', 'categorySlug');
      const approved = await tx
        .select({ id: certifications.id })
        .from(certifications)
        .where(and(eq(certifications.productId, cur.id), eq(certifications.status, 'approved')));
      const t = editTransition({ status: cur.status, before: cur, after: p.f, hasApprovedCert: approved.length > 0 });
      await tx
        .update(products)
        .set({
          name: p.f.name,
          spec: p.f.spec,
          description: p.f.description,
          categoryId: cat,
          priceFen: p.f.priceFen,
          referencePriceFen: p.f.referencePriceFen,
          unitMinQuantity: p.f.unitMinQuantity,
          status: t.next,
          reviewNote: t.reReview ? `名称或规格已修改（原：${cur.name} ${cur.spec}），需重新审核` : cur.reviewNote,
          updatedAt: sql`now()`,
        })
        .where(eq(products.id, cur.id));
      if (t.reReview) {
        await tx
          .update(certifications)
          .set({
            status: 'pending',
            reviewNote: `商品名称或规格已修改，原为「${cur.name} ${cur.spec}」`,
            reviewedAt: null,
          })
          .where(
            inArray(
              certifications.id,
              approved.map((a) => a.id),
            ),
          );
      }
      await tx.delete(productTierPrices).where(eq(productTierPrices.productId, cur.id));
      if (p.f.tiers.length)
        await tx.insert(productTierPrices).values(p.f.tiers.map((x) => ({ productId: cur.id, ...x })));
      const changes: Record<string, unknown> = {};
      if (cur.priceFen !== p.f.priceFen) changes.priceFen = [cur.priceFen, p.f.priceFen];
      if (cur.name !== p.f.name) changes.name = [cur.name, p.f.name];
      if (cur.spec !== p.f.spec) changes.spec = [cur.spec, p.f.spec];
      if (t.reReview) changes.reReview = true;
      await recordAudit(
        { actorUserId: p.actorId, action: 'product.update', entity: 'product', entityId: cur.code, data: changes },
        tx,
      );
      return { slug: cur.slug, reReview: t.reReview, status: t.next };
    }),
  );
}

/** 库存调整: atomic, never below zero, with its reason kept and audited. */
export async function adjustStock(p: {
  productId: number;
  supplierId: number;
  delta: number;
  reason: string;
  actorId: string;
}): Promise<{ slug: string; stock: number } | { error: string } | null> {
  return getDb().transaction(async (tx) => {
    const [cur] = await tx
      .select({ stock: products.stock, slug: products.slug, code: products.code })
      .from(products)
      .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)))
      .for('update');
    if (!cur) return null;
    const err = checkStockAdjustment(cur.stock, p.delta);
    if (err) return { error: err };
    const [u] = await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${p.delta}`, updatedAt: sql`now()` })
      .where(eq(products.id, p.productId))
      .returning({ stock: products.stock });
    await tx.insert(stockAdjustments).values({
      productId: p.productId,
      delta: p.delta,
      stockAfter: u!.stock,
      reason: p.reason,
      actorUserId: p.actorId,
    });
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'product.stock',
        entity: 'product',
        entityId: cur.code,
        data: { delta: p.delta, stockAfter: u!.stock, reason: p.reason },
      },
      tx,
    );
    return { slug: cur.slug, stock: u!.stock };
  });
}

/** Adds a processed photo (all its sizes) at the end of the product's images. */
export async function addProductImage(p: {
  productId: number;
  supplierId: number;
  alt: string;
  variants: ImageVariant[];
  actorId: string;
}): Promise<{ slug: string } | null> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      const [cur] = await tx
        .select({ slug: products.slug, code: products.code })
        .from(products)
        .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)))
        .for('update');
      if (!cur) return null;
      const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from product_images where product_id = ${p.productId}`),
      );
      if (n >= 8) throw new ListingError('每件商品最多 8 张图片，请先删除一张', 'image');
      const [{ next } = { next: 0 }] = rowsOf<{ next: number }>(
        await tx.execute(
          sql`select coalesce(max(position), -1)::int + 1 as next from product_images where product_id = ${p.productId}`,
        ),
      );
      // The card-sized image (640, or the largest below it) is this row; the others go to media_blobs.
      const main = [...p.variants].reverse().find((v) => v.width <= 640) ?? p.variants[0]!;
      for (const v of p.variants) {
        if (v === main) continue;
        await tx
          .insert(mediaBlobs)
          .values({ sha256: v.sha256, contentType: 'image/webp', width: v.width, height: v.height, bytes: v.bytes })
          .onConflictDoNothing();
      }
      await tx.insert(productImages).values({
        productId: p.productId,
        position: next,
        alt: p.alt,
        contentType: 'image/webp',
        sha256: main.sha256,
        width: main.width,
        height: main.height,
        bytes: main.bytes,
        variants: p.variants.map((v) => ({ width: v.width, sha256: v.sha256 })),
      });
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'product.image_add',
          entity: 'product',
          entityId: cur.code,
          data: { sha256: main.sha256 },
        },
        tx,
      );
      return { slug: cur.slug };
    }),
  );
}

export async function removeProductImage(p: {
  productId: number;
  supplierId: number;
  imageId: number;
  actorId: string;
}): Promise<{ slug: string } | null> {
  return getDb().transaction(async (tx) => {
    const [cur] = await tx
      .select({ slug: products.slug, code: products.code })
      .from(products)
      .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)));
    if (!cur) return null;
    const del = await tx
      .delete(productImages)
      .where(and(eq(productImages.id, p.imageId), eq(productImages.productId, p.productId)))
      .returning({ sha256: productImages.sha256 });
    if (!del.length) return null;
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'product.image_remove',
        entity: 'product',
        entityId: cur.code,
        data: { sha256: del[0]!.sha256 },
      },
      tx,
    );
    return { slug: cur.slug };
  });
}

/** The manager sends a certificate (fields and scan) for review. */
export async function submitCertificate(p: {
  productId: number;
  supplierId: number;
  actorId: string;
  c: { certificateNo: string; issuer: string; catalogueBatch: string; issuedOn: string; expiresOn: string };
  file: { contentType: string; bytes: Uint8Array };
}): Promise<{ slug: string } | null> {
  return getDb().transaction(async (tx) => {
    const [cur] = await tx
      .select({ slug: products.slug, code: products.code })
      .from(products)
      .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)))
      .for('update');
    if (!cur) return null;
    const [open] = await tx
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.productId, p.productId), eq(certifications.status, 'pending')));
    if (open) throw new ListingError('已有一份证书在审核中，请等待办公室审核', 'certificateNo');
    const [taken] = await tx
      .select({ id: certifications.id })
      .from(certifications)
      .where(eq(certifications.certificateNo, p.c.certificateNo));
    if (taken) throw new ListingError('该证书编号已登记', 'certificateNo');
    await tx.insert(certifications).values({
      productId: p.productId,
      ...p.c,
      status: 'pending',
      fileContentType: p.file.contentType,
      fileBytes: p.file.bytes,
      submittedBy: p.actorId,
    });
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'cert.submit',
        entity: 'certification',
        entityId: p.c.certificateNo,
        data: { product: cur.code },
      },
      tx,
    );
    return { slug: cur.slug };
  });
}

/** 提交审核 / 上架 and 下架. */
export async function changeListingStatus(p: {
  productId: number;
  supplierId: number;
  actorId: string;
  to: 'submit' | 'delist';
}): Promise<{ slug: string; status: ProductStatus } | { error: string } | null> {
  const today = chinaDate();
  return getDb().transaction(async (tx) => {
    const [cur] = await tx
      .select({
        id: products.id,
        slug: products.slug,
        code: products.code,
        status: products.status,
        inForce: inForceSql(today),
        pending: pendingSql,
      })
      .from(products)
      .where(and(eq(products.id, p.productId), eq(products.supplierId, p.supplierId)))
      .for('update');
    if (!cur) return null;
    const t =
      p.to === 'submit'
        ? submitTransition({ status: cur.status, hasCertInForce: cur.inForce, hasPendingCert: cur.pending })
        : delistTransition(cur.status);
    if (!t.ok) return { error: t.error };
    await tx
      .update(products)
      .set({
        status: t.next,
        listedAt: t.next === 'listed' ? sql`coalesce(${products.listedAt}, now())` : products.listedAt,
        reviewNote: t.next === 'listed' ? null : products.reviewNote,
        updatedAt: sql`now()`,
      })
      .where(eq(products.id, cur.id));
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: p.to === 'submit' ? 'product.submit' : 'product.delist',
        entity: 'product',
        entityId: cur.code,
        data: { from: cur.status, to: t.next },
      },
      tx,
    );
    return { slug: cur.slug, status: t.next };
  });
}

/** A certificate's scan, for the programme office or the product's own supplier. */
export async function getCertificateFile({ id }: { id: number }) {
  const [c] = await getDb()
    .select({
      contentType: certifications.fileContentType,
      bytes: certifications.fileBytes,
      supplierId: products.supplierId,
      no: certifications.certificateNo,
    })
    .from(certifications)
    .innerJoin(products, eq(products.id, certifications.productId))
    .where(eq(certifications.id, id));
  return c?.bytes && c.contentType
    ? { contentType: c.contentType, bytes: c.bytes, supplierId: c.supplierId, no: c.no }
    : null;
}

/** The manager's dashboard: orders waiting to ship, low stock, certificates expiring soon, this month's sales. */
export async function getSupplierDashboard({ supplierId }: { supplierId: number }) {
  const db = getDb();
  const today = chinaDate();
  const monthStart = `${today.slice(0, 7)}-01`;
  const [waiting, low, expiring, month] = await Promise.all([
    db.execute(sql`
      select count(distinct o.id)::int as n from orders o
      join order_items oi on oi.order_id = o.id and oi.supplier_id = ${supplierId}
      where o.status in ('paid', 'partially_shipped', 'partially_refunded')
        and not exists (select 1 from shipments s where s.order_id = o.id and s.supplier_id = ${supplierId})`),
    db
      .select({ id: products.id, name: products.name, spec: products.spec, stock: products.stock })
      .from(products)
      .where(
        and(
          eq(products.supplierId, supplierId),
          inArray(products.status, ['listed', 'in_review']),
          sql`${products.stock} <= ${LOW_STOCK}`,
        ),
      )
      .orderBy(asc(products.stock)),
    db
      .select({
        id: certifications.id,
        productId: products.id,
        productName: products.name,
        certificateNo: certifications.certificateNo,
        expiresOn: certifications.expiresOn,
      })
      .from(certifications)
      .innerJoin(products, eq(products.id, certifications.productId))
      .where(
        and(
          eq(products.supplierId, supplierId),
          eq(certifications.status, 'approved'),
          sql`${certifications.expiresOn} between ${today}::date and ${today}::date + ${EXPIRY_WARNING_DAYS}::int`,
        ),
      )
      .orderBy(asc(certifications.expiresOn)),
    // Sales net of refunds, by China-time month, from the ledger (the figures the office reports).
    db.execute(sql`
      select coalesce(sum(amount_fen), 0)::text as fen, count(distinct order_id) filter (where kind = 'sale')::int as orders
      from sales_ledger
      where supplier_id = ${supplierId} and occurred_at >= (${monthStart}::date)::timestamp at time zone 'Asia/Shanghai'`),
  ]);
  const m = rowsOf<{ fen: string; orders: number }>(month)[0]!;
  return {
    waitingToShip: rowsOf<{ n: number }>(waiting)[0]!.n,
    lowStock: low,
    expiring: expiring.map((e) => ({ ...e, expiresOn: String(e.expiresOn).slice(0, 10) })),
    monthSalesFen: BigInt(m.fen),
    monthOrders: m.orders,
  };
}
