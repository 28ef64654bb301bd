'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { addProductImage, removeProductImage } from '@/lib/listings/images';
import { adjustStock } from '@/lib/listings/stock';
import { changeListingStatus, createProduct, updateProduct } from '@/lib/listings/products';
import { submitCertificate } from '@/lib/certifications/submit';
import { requireProductManager, requireSupplierMember } from '@/lib/auth/guards';
import { processCertificateFile, processProductImage } from '@/lib/media/process';
import {
  certificateSubmissionSchema,
  createListingSchema,
  imageUploadSchema,
  productIdField,
  stockAdjustmentSchema,
  updateListingSchema,
} from '@/lib/validation/listings';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';

const fileBytes = async (f: File) => new Uint8Array(await f.arrayBuffer());

/** 新增商品: a draft of the manager's own supplier; the editor opens next for photos and the certificate. */
export const createProductAction = validatedAction(createListingSchema, async ({ supplierId, stock, ...f }) => {
  const user = await requireSupplierMember(supplierId);
  const created = await createProduct({ supplierId, actorId: user.id, f, stock });
  invalidate.draft();
  redirect(`/workshop/products/${created.id}?created=1`);
});

/** 保存商品. Price edits show in the catalog and the API on the next request. */
export const updateProductAction = validatedAction(updateListingSchema, async ({ productId, ...f }) => {
  const { user, supplierId } = await requireProductManager(productId);
  const r = await updateProduct({ productId, supplierId, actorId: user.id, f });
  if (!r) throw new AppError('not_found', '商品不存在');
  invalidate.listing({ slug: r.slug, productId });
  return { ok: true, message: r.reReview ? '已保存。名称或规格已修改，商品已送回消费扶贫办公室重新审核' : '已保存' };
});

/** 库存调整 with a reason, audited. */
export const adjustStockAction = validatedAction(stockAdjustmentSchema, async ({ productId, delta, reason }) => {
  const { user, supplierId } = await requireProductManager(productId);
  const r = await adjustStock({ productId, supplierId, delta, reason, actorId: user.id });
  if (!r) throw new AppError('not_found', '商品不存在');
  if ('error' in r) throw new AppError('invalid_input', r.error, { delta: r.error });
  invalidate.listing({ slug: r.slug, productId });
  return { ok: true, message: `库存已调整为 ${r.stock}` };
});

/** 上传图片: checked by content, re-encoded to WebP at several sizes, stored in the database. */
export const uploadProductImageAction = validatedAction(imageUploadSchema, async ({ productId, alt, image }) => {
  const { user, supplierId } = await requireProductManager(productId);
  await assertAllowed('uploads', user.id);
  const processed = await processProductImage(await fileBytes(image));
  if (!processed.ok) throw new AppError('invalid_input', processed.error, { image: processed.error });
  await recordHit('uploads', user.id);
  const r = await addProductImage({ productId, supplierId, alt, variants: processed.value, actorId: user.id });
  if (!r) throw new AppError('not_found', '商品不存在');
  invalidate.listing({ slug: r.slug, productId });
  return { ok: true, message: '图片已上传' };
});

export const removeProductImageAction = validatedAction(
  z.object({ productId: productIdField, imageId: productIdField }),
  async ({ productId, imageId }) => {
    const { user, supplierId } = await requireProductManager(productId);
    const r = await removeProductImage({ productId, supplierId, imageId, actorId: user.id });
    if (!r) throw new AppError('not_found', '图片不存在');
    invalidate.listing({ slug: r.slug, productId });
    return { ok: true, message: '图片已删除' };
  },
);

/** 提交认定证书: the fields and a scan (image or PDF), for the programme office's review queue. */
export const submitCertificateAction = validatedAction(
  certificateSubmissionSchema,
  async ({ productId, file, ...c }) => {
    const { user, supplierId } = await requireProductManager(productId);
    await assertAllowed('uploads', user.id);
    const processed = await processCertificateFile(await fileBytes(file));
    if (!processed.ok) throw new AppError('invalid_input', processed.error, { file: processed.error });
    await recordHit('uploads', user.id);
    const r = await submitCertificate({ productId, supplierId, actorId: user.id, c, file: processed.value });
    if (!r) throw new AppError('not_found', '商品不存在');
    invalidate.certificateSubmitted({ slug: r.slug, productId });
    return { ok: true, message: '证书已提交，等待消费扶贫办公室审核' };
  },
);

const statusSchema = z.object({ productId: productIdField });

/** A listing status change by the product's manager; `done` words the status it ended in. */
const listingStatusAction = (to: 'submit' | 'delist', done: (status: string) => string) =>
  validatedAction(statusSchema, async ({ productId }) => {
    const { user, supplierId } = await requireProductManager(productId);
    const r = await changeListingStatus({ productId, supplierId, actorId: user.id, to });
    if (!r) throw new AppError('not_found', '商品不存在');
    if ('error' in r) throw new AppError('conflict', r.error);
    invalidate.listing({ slug: r.slug, productId });
    return { ok: true, message: done(r.status) };
  });

/** 提交审核 (or 上架 straight away when a certificate is in force). */
export const submitForReviewAction = listingStatusAction('submit', (status) =>
  status === 'listed' ? '已上架' : '已提交审核',
);

/** 下架. */
export const delistProductAction = listingStatusAction('delist', () => '已下架');
