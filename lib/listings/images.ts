import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  countProductImages,
  deleteProductImage,
  insertMediaBlob,
  insertProductImage,
  nextImagePosition,
  supplierProduct,
} from '@/db/queries/products';
import { transaction } from '@/db/tx';
import { AppError } from '@/lib/errors';
import type { ImageVariant } from '@/lib/media/process';

/** A product holds at most this many photos. */
const MAX_IMAGES = 8;

/** Adds a processed photo (all its sizes) at the end of the product's images; null when not this supplier's. */
export async function addProductImage(p: {
  productId: number;
  supplierId: number;
  alt: string;
  variants: ImageVariant[];
  actorId: string;
}): Promise<{ slug: string } | null> {
  return transaction(
    async (tx) => {
      const cur = await supplierProduct(p, tx);
      if (!cur) return null;
      if ((await countProductImages(p, tx)) >= MAX_IMAGES)
        throw new AppError('invalid_input', '每件商品最多 8 张图片，请先删除一张', {
          image: '每件商品最多 8 张图片，请先删除一张',
        });
      const position = await nextImagePosition(p, tx);
      // The card-sized image (640, or the largest below it) is this row; the others go to media_blobs.
      const main = [...p.variants].reverse().find((v) => v.width <= 640) ?? p.variants[0]!;
      for (const v of p.variants) {
        if (v === main) continue;
        const { sha256, width, height, bytes } = v;
        await insertMediaBlob({ sha256, contentType: 'image/webp', width, height, bytes }, tx);
      }
      await insertProductImage(
        {
          productId: p.productId,
          position,
          alt: p.alt,
          contentType: 'image/webp',
          sha256: main.sha256,
          width: main.width,
          height: main.height,
          bytes: main.bytes,
          variants: p.variants.map((v) => ({ width: v.width, sha256: v.sha256 })),
        },
        tx,
      );
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
    },
    { retry: true },
  );
}

/** Removes one of the product's photos; null when the product or the photo is not this supplier's. */
export async function removeProductImage(p: {
  productId: number;
  supplierId: number;
  imageId: number;
  actorId: string;
}): Promise<{ slug: string } | null> {
  return transaction(async (tx) => {
    const cur = await supplierProduct({ ...p, lock: false }, tx);
    if (!cur) return null;
    const sha256 = await deleteProductImage(p, tx);
    if (!sha256) return null;
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'product.image_remove',
        entity: 'product',
        entityId: cur.code,
        data: { sha256 },
      },
      tx,
    );
    return { slug: cur.slug };
  });
}
