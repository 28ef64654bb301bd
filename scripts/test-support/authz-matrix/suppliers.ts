import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { one } from '@/scripts/test-support/database';
import { ids, nextSeq, unique } from './world';

/**
 * What suppliers own, for the authorization matrix to act on: products, images, certificates, livestreams,
 * households and payouts.
 */

export async function productIdOf(slug: string): Promise<number> {
  return (await one<{ id: number }>(sql`select id from products where slug = ${slug}`)).id;
}

/** A fresh draft product of a supplier, so each case starts from the same state. */
export async function draftOf(supplierId: number, status: 'draft' | 'listed' = 'draft'): Promise<number> {
  const { createProduct } = await import('@/lib/listings/products');
  const p = await createProduct({
    supplierId,
    actorId: ids.admin,
    stock: 10,
    f: {
      name: '测试商品' + unique(),
      spec: '1 件',
      description: '',
      categorySlug: 'embroidery',
      afterSalesClass: 'standard',
      priceFen: 8800,
      referencePriceFen: null,
      unitMinQuantity: 1,
      tiers: [],
    },
  });
  if (status === 'listed') await getDb().execute(sql`update products set status = 'listed' where id = ${p.id}`);
  return p.id;
}
export async function imageOf(productId: number): Promise<number> {
  await getDb().execute(
    sql`insert into product_images (product_id, position, alt, content_type, sha256, width, height, bytes) values (${productId}, 0, '', 'image/webp', ${'f'.repeat(56) + unique().slice(-8).padStart(8, '0')}, 1, 1, '\\x00')`,
  );
  return (await one<{ id: number }>(sql`select id from product_images where product_id = ${productId}`)).id;
}
/** A certificate of the product awaiting the office's review. */
export async function pendingCertOf(productId: number): Promise<number> {
  return (
    await one<{ id: number }>(
      sql`insert into certifications (product_id, certificate_no, issuer, catalogue_batch, issued_on, expires_on) values (${productId}, ${'P-' + unique()}, '测试', '测试批次', '2026-01-01', '2028-01-01') returning id`,
    )
  ).id;
}
export async function livestreamOf(supplierId: number): Promise<number> {
  return (
    await one<{ id: number }>(
      sql`insert into livestreams (supplier_id, title, starts_at, stream_url) values (${supplierId}, '测试直播', now() + interval '1 day', 'https://live.example.com/1') returning id`,
    )
  ).id;
}

// ── 带贫成效 (issue 17): households and payouts ───────────────────────────────────────────────────────
export async function householdOf(supplierId: number, township: string, channels = ['employment', 'dividend']) {
  const { registerHousehold } = await import('@/lib/benefit/households');
  return registerHousehold({
    supplierId,
    actorId: ids.admin,
    fields: {
      code: `AZ-${String(nextSeq()).padStart(6, '0')}`,
      townshipSlug: township,
      village: '测试村',
      category: 'poverty_lifted',
      members: 3,
      channels: channels as ('employment' | 'dividend')[],
      shares: 1,
    },
    personal: { name: '授权测试户', idNumber: null },
  });
}
const townshipOf = (supplierId: number) => (supplierId === ids.supplierA ? 'datun' : 'jijie');
export async function payoutOf(
  supplierId: number,
  state: 'submitted' | 'returned' | 'awaiting_confirmation' = 'submitted',
  householdId?: number,
): Promise<number> {
  const { recordPayout, returnPayout } = await import('@/lib/benefit/payouts');
  const { recordPayoutSchema } = await import('@/lib/validation/benefit');
  const h = householdId ?? (await householdOf(supplierId, townshipOf(supplierId)));
  const r = await recordPayout({
    supplierId,
    actorId: ids.admin,
    receipt: null,
    input: recordPayoutSchema.parse({
      supplierId: String(supplierId),
      householdId: String(h),
      kind: 'day_wage',
      quantity: '2',
      unitRate: '120',
      paidOn: '2026-01-05',
      method: state === 'awaiting_confirmation' ? 'cash' : 'bank',
    }),
  });
  if (state === 'returned') await returnPayout({ payoutId: r.id, actorId: ids.admin, reason: '凭证不清' });
  return r.id;
}
