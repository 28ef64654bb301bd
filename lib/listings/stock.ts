import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { addToStock, insertStockAdjustment, supplierProduct } from '@/db/queries/products';
import { transaction } from '@/db/tx';
import { checkStockAdjustment } from '@/domain/listing';

/**
 * 库存调整: atomic, never below zero, with its reason kept and audited. Returns the new stock, the
 * Chinese reason it was refused, or null when the product is not this supplier's.
 */
export async function adjustStock(p: {
  productId: number;
  supplierId: number;
  delta: number;
  reason: string;
  actorId: string;
}): Promise<{ slug: string; stock: number } | { error: string } | null> {
  return transaction(async (tx) => {
    const cur = await supplierProduct(p, tx);
    if (!cur) return null;
    const err = checkStockAdjustment(cur.stock, p.delta);
    if (err) return { error: err };
    const stock = await addToStock(p, tx);
    await insertStockAdjustment(
      { productId: p.productId, delta: p.delta, stockAfter: stock, reason: p.reason, actorUserId: p.actorId },
      tx,
    );
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'product.stock',
        entity: 'product',
        entityId: cur.code,
        data: { delta: p.delta, stockAfter: stock, reason: p.reason },
      },
      tx,
    );
    return { slug: cur.slug, stock };
  });
}
