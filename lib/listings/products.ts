import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { approvedCertificationIds, returnCertificationsToReview } from '@/db/queries/certifications';
import {
  categoryIdBySlug,
  deleteTierPrices,
  insertProduct,
  insertStockAdjustment,
  insertTierPrices,
  lockProductCodes,
  nextProductCodeNumber,
  setListingStatus,
  supplierProduct,
  supplierProductListingState,
  updateProductRow,
} from '@/db/queries/products';
import { transaction } from '@/db/tx';
import type { Tx } from '@/db/client';
import type { ProductStatus } from '@/domain/certification';
import { delistTransition, editTransition, submitTransition } from '@/domain/listing';
import type { AfterSalesClass } from '@/domain/after-sales';
import type { Tier } from '@/domain/tier-pricing';
import { chinaDate } from '@/domain/time';
import { AppError } from '@/lib/errors';

/** A supplier's listings: 新增商品, 编辑商品, 提交审核 / 上架 and 下架. */

export type ListingFields = {
  name: string;
  spec: string;
  description: string;
  categorySlug: string;
  priceFen: number;
  referencePriceFen: number | null;
  unitMinQuantity: number;
  /** 售后: 鲜活易腐 and 定制 goods have no no-reason return (domain/after-sales). */
  afterSalesClass: AfterSalesClass;
  tiers: Tier[];
};

async function categoryId(tx: Tx, slug: string): Promise<number> {
  const id = await categoryIdBySlug({ slug }, tx);
  if (!id) throw new AppError('invalid_input', '请选择分类', { categorySlug: '请选择分类' });
  return id;
}

const productColumns = (f: ListingFields, categoryId: number) => ({
  name: f.name,
  spec: f.spec,
  description: f.description,
  categoryId,
  priceFen: f.priceFen,
  referencePriceFen: f.referencePriceFen,
  unitMinQuantity: f.unitMinQuantity,
  afterSalesClass: f.afterSalesClass,
});

/** 新增商品: a draft with the next GJ code; its initial stock is recorded as an adjustment. */
export async function createProduct(p: {
  supplierId: number;
  actorId: string;
  f: ListingFields;
  stock: number;
}): Promise<{ id: number; code: string; slug: string }> {
  return transaction(
    async (tx) => {
      const cat = await categoryId(tx, p.f.categorySlug);
      // Codes are GJ + a number; the advisory lock serialises concurrent creations across instances.
      await lockProductCodes(tx);
      const code = `GJ${String(await nextProductCodeNumber(tx)).padStart(4, '0')}`;
      const slug = code.toLowerCase();
      const id = await insertProduct(
        { slug, code, ...productColumns(p.f, cat), supplierId: p.supplierId, stock: p.stock, status: 'draft' },
        tx,
      );
      await insertTierPrices({ productId: id, tiers: p.f.tiers }, tx);
      if (p.stock > 0)
        await insertStockAdjustment(
          { productId: id, delta: p.stock, stockAfter: p.stock, reason: '初始库存', actorUserId: p.actorId },
          tx,
        );
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
      return { id, code, slug };
    },
    { retry: true },
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
  return transaction(
    async (tx) => {
      const cur = await supplierProduct(p, tx);
      if (!cur) return null;
      const cat = await categoryId(tx, p.f.categorySlug);
      const approved = await approvedCertificationIds({ productId: cur.id }, tx);
      const t = editTransition({ status: cur.status, before: cur, after: p.f, hasApprovedCert: approved.length > 0 });
      const reviewNote = t.reReview ? `名称或规格已修改（原：${cur.name} ${cur.spec}），需重新审核` : cur.reviewNote;
      await updateProductRow({ id: cur.id, set: { ...productColumns(p.f, cat), status: t.next, reviewNote } }, tx);
      if (t.reReview) {
        const note = `商品名称或规格已修改，原为「${cur.name} ${cur.spec}」`;
        await returnCertificationsToReview({ ids: approved, note }, tx);
      }
      await deleteTierPrices({ productId: cur.id }, tx);
      await insertTierPrices({ productId: cur.id, tiers: p.f.tiers }, tx);
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
    },
    { retry: true },
  );
}

/** 提交审核 / 上架 and 下架. A refused transition returns its Chinese reason. */
export async function changeListingStatus(p: {
  productId: number;
  supplierId: number;
  actorId: string;
  to: 'submit' | 'delist';
}): Promise<{ slug: string; status: ProductStatus } | { error: string } | null> {
  const today = chinaDate();
  return transaction(async (tx) => {
    const cur = await supplierProductListingState({ ...p, today }, tx);
    if (!cur) return null;
    const t =
      p.to === 'submit'
        ? submitTransition({ status: cur.status, hasCertInForce: cur.inForce, hasPendingCert: cur.pending })
        : delistTransition(cur.status);
    if (!t.ok) return { error: t.error };
    await setListingStatus({ id: cur.id, status: t.next }, tx);
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
