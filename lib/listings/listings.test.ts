import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { processProductImage } from '@/lib/media/process';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { scalar, guestOrder } from '@/scripts/test-support/orders';
import { decideCertification, expireCertifications } from '@/lib/certifications/decisions';
import { addProductImage } from '@/lib/listings/images';
import { adjustStock } from '@/lib/listings/stock';
import { changeListingStatus, createProduct, updateProduct, type ListingFields } from '@/lib/listings/products';
import { getSupplierDashboard, getSupplierProduct, listSupplierProducts } from '@/db/queries/listings';
import { submitCertificate } from '@/lib/certifications/submit';
import { createLivestream, setLivestreamStatus } from '@/lib/livestreams/manage';
import { listSupplierLivestreams } from '@/db/queries/livestreams';
import { paySimulated } from '@/lib/payments/simulator';
import { getImageBySha, getProductBySlug } from '@/db/queries/product';
import { chinaDate } from '@/domain/time';

useSeededDatabase();

let supplierA = 0;
let supplierB = 0;
let actor = '';
const today = chinaDate();
const fields = (over: Partial<ListingFields> = {}): ListingFields => ({
  name: '马缨花刺绣杯垫',
  spec: '4 片装',
  description: '## 手工\n- 棉麻',
  categorySlug: 'embroidery',
  priceFen: 3900,
  referencePriceFen: 4500,
  unitMinQuantity: 1,
  afterSalesClass: 'standard',
  tiers: [],
  ...over,
});
const pdf = { contentType: 'application/pdf', bytes: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')) };
let n = 0;
const cert = () => ({
  certificateNo: `T-LIST-${Date.now()}-${n++}`,
  issuer: '个旧市扶贫开发领导小组办公室',
  catalogueBatch: '2026年第一批',
  issuedOn: '2026-01-01',
  expiresOn: '2027-12-31',
});

beforeAll(async () => {
  supplierA = Number(await scalar(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`));
  supplierB = Number(await scalar(sql`select id from suppliers where slug = 'jijie-vegetable-coop'`));
  actor = String(await scalar(sql`select id from users where email = 'workshop@example.com'`));
});

async function listedProduct(over: Partial<ListingFields> = {}) {
  const p = await createProduct({ supplierId: supplierA, actorId: actor, f: fields(over), stock: 20 });
  await submitCertificate({ productId: p.id, supplierId: supplierA, actorId: actor, c: cert(), file: pdf });
  await changeListingStatus({ productId: p.id, supplierId: supplierA, actorId: actor, to: 'submit' });
  const certId = Number(
    await scalar(sql`select id from certifications where product_id = ${p.id} and status = 'pending'`),
  );
  await decideCertification({ id: certId, decision: 'approve', reason: '', actorId: actor });
  return p;
}

describe('listing lifecycle', () => {
  it('creates a draft with the next code, submits it with a certificate, and lists it on approval with its badge', async () => {
    const before = Number(
      await scalar(sql`select max(substring(code from 3)::int) from products where code ~ '^GJ[0-9]+$'`),
    );
    const p = await createProduct({ supplierId: supplierA, actorId: actor, f: fields(), stock: 12 });
    expect(p.code).toBe(`GJ${String(before + 1).padStart(4, '0')}`);
    expect(await scalar(sql`select status from products where id = ${p.id}`)).toBe('draft');
    expect(await scalar(sql`select reason || ':' || delta from stock_adjustments where product_id = ${p.id}`)).toBe(
      '初始库存:12',
    );
    expect(await getProductBySlug({ slug: p.slug, today })).toBeNull();

    expect(await changeListingStatus({ productId: p.id, supplierId: supplierA, actorId: actor, to: 'submit' })).toEqual(
      { error: '请先提交扶贫产品认定证书' },
    );
    const c = cert();
    expect(await submitCertificate({ productId: p.id, supplierId: supplierA, actorId: actor, c, file: pdf })).toEqual({
      slug: p.slug,
    });
    await expect(
      submitCertificate({ productId: p.id, supplierId: supplierA, actorId: actor, c: cert(), file: pdf }),
    ).rejects.toThrow('已有一份证书在审核中');
    expect(await changeListingStatus({ productId: p.id, supplierId: supplierA, actorId: actor, to: 'submit' })).toEqual(
      { slug: p.slug, status: 'in_review' },
    );

    const certId = Number(await scalar(sql`select id from certifications where certificate_no = ${c.certificateNo}`));
    expect(await decideCertification({ id: certId, decision: 'approve', reason: '', actorId: actor })).toBe(p.slug);
    const shown = await getProductBySlug({ slug: p.slug, today });
    expect(shown).toMatchObject({ badge: 'certified', cert: { certificateNo: c.certificateNo } });

    // Expiry (the date set past) removes the badge.
    await getDb().execute(sql`update certifications set expires_on = ${today}::date - 1 where id = ${certId}`);
    await expireCertifications({ today });
    expect((await getProductBySlug({ slug: p.slug, today }))?.badge).toBe('expired');
  });

  it('another supplier id finds nothing', async () => {
    const p = await createProduct({ supplierId: supplierA, actorId: actor, f: fields(), stock: 1 });
    expect(
      await updateProduct({ productId: p.id, supplierId: supplierB, actorId: actor, f: fields({ priceFen: 1 }) }),
    ).toBeNull();
    expect(
      await adjustStock({ productId: p.id, supplierId: supplierB, actorId: actor, delta: 5, reason: 'x' }),
    ).toBeNull();
    expect(
      await changeListingStatus({ productId: p.id, supplierId: supplierB, actorId: actor, to: 'delist' }),
    ).toBeNull();
    expect(await scalar(sql`select price_fen || ':' || stock from products where id = ${p.id}`)).toBe('3900:1');
    expect(await getSupplierProduct({ productId: p.id, supplierId: supplierB })).toBeNull();
    expect((await listSupplierProducts({ supplierId: supplierB })).map((x) => x.id)).not.toContain(p.id);
  });
});

describe('re-review', () => {
  it('sends a certified product back to review when its name or spec changes, not when its price does', async () => {
    const p = await listedProduct();
    const r1 = await updateProduct({
      productId: p.id,
      supplierId: supplierA,
      actorId: actor,
      f: fields({ priceFen: 4200 }),
    });
    expect(r1).toEqual({ slug: p.slug, reReview: false, status: 'listed' });
    expect((await getProductBySlug({ slug: p.slug, today }))?.priceFen).toBe(4200);

    const r2 = await updateProduct({
      productId: p.id,
      supplierId: supplierA,
      actorId: actor,
      f: fields({ priceFen: 4200, spec: '6 片装' }),
    });
    expect(r2).toEqual({ slug: p.slug, reReview: true, status: 'in_review' });
    expect(await scalar(sql`select string_agg(status::text, ',') from certifications where product_id = ${p.id}`)).toBe(
      'pending',
    );
    expect(await getProductBySlug({ slug: p.slug, today })).toBeNull();
    const certId = Number(await scalar(sql`select id from certifications where product_id = ${p.id}`));
    await decideCertification({ id: certId, decision: 'approve', reason: '', actorId: actor });
    expect((await getProductBySlug({ slug: p.slug, today }))?.spec).toBe('6 片装');
  });
});

describe('stock adjustments', () => {
  it('never go below zero and keep their reason', async () => {
    const p = await createProduct({ supplierId: supplierA, actorId: actor, f: fields(), stock: 3 });
    expect(
      await adjustStock({ productId: p.id, supplierId: supplierA, actorId: actor, delta: -4, reason: '损耗' }),
    ).toEqual({ error: '库存不足：当前 3，最多减少 3' });
    expect(
      await adjustStock({ productId: p.id, supplierId: supplierA, actorId: actor, delta: 20, reason: '新一批完工' }),
    ).toEqual({ slug: p.slug, stock: 23 });
    expect(
      await scalar(
        sql`select string_agg(delta || '/' || stock_after || '/' || reason, ';' order by id) from stock_adjustments where product_id = ${p.id}`,
      ),
    ).toBe('3/3/初始库存;20/23/新一批完工');
    expect(
      await scalar(sql`select count(*)::int from audit_log where action = 'product.stock' and entity_id = ${p.code}`),
    ).toBe('1');
  });
});

describe('images', () => {
  it('stores every size in the database and serves each by hash', async () => {
    const p = await createProduct({ supplierId: supplierA, actorId: actor, f: fields(), stock: 1 });
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 1500, height: 1500, channels: 3, background: '#3f7d3a' } })
        .jpeg()
        .toBuffer(),
    );
    const processed = await processProductImage(jpeg);
    if (!processed.ok) throw new Error(processed.error);
    await addProductImage({
      productId: p.id,
      supplierId: supplierA,
      alt: '正面',
      variants: processed.value,
      actorId: actor,
    });
    expect(await scalar(sql`select width from product_images where product_id = ${p.id}`)).toBe('640');
    for (const v of processed.value) {
      const img = await getImageBySha({ sha256: v.sha256 });
      expect(img?.contentType).toBe('image/webp');
      expect(Buffer.from(img!.bytes).equals(Buffer.from(v.bytes))).toBe(true);
    }
  });
});

describe('dashboard', () => {
  it('shows low stock, certificates expiring within 30 days and waiting orders', async () => {
    const p = await listedProduct({ name: '低库存绣片' });
    await adjustStock({ productId: p.id, supplierId: supplierA, actorId: actor, delta: -15, reason: '盘点' });
    await getDb().execute(sql`update certifications set expires_on = ${today}::date + 10 where product_id = ${p.id}`);
    const o = await guestOrder([{ slug: p.slug, quantity: 1 }]);
    const before = await getSupplierDashboard({ supplierId: supplierA });
    await paySimulated({ orderNo: o.orderNo });
    const d = await getSupplierDashboard({ supplierId: supplierA });
    expect(d.lowStock.map((x) => x.id)).toContain(p.id);
    expect(d.expiring.map((x) => x.productId)).toContain(p.id);
    expect(d.waitingToShip).toBe(before.waitingToShip + 1);
    expect(d.monthSalesFen - before.monthSalesFen).toBe(3900n);
  });
});

describe('livestreams', () => {
  it('refuses another supplier’s products, walks its states, and attributes orders that include a featured product', async () => {
    const featured = await listedProduct({ name: '直播款围巾' });
    const other = String(
      await scalar(
        sql`select slug from products where supplier_id = ${supplierB} and status = 'listed' and stock > 0 limit 1`,
      ),
    );
    const otherId = Number(await scalar(sql`select id from products where slug = ${other}`));
    expect(
      await createLivestream({
        supplierId: supplierA,
        actorId: actor,
        title: 't',
        description: '',
        startsAt: new Date(),
        streamUrl: 'https://live.douyin.com/1',
        productIds: [otherId],
      }),
    ).toEqual({ error: '只能推荐本供应商的商品' });

    const id = (await createLivestream({
      supplierId: supplierA,
      actorId: actor,
      title: '直播',
      description: '',
      startsAt: new Date(),
      streamUrl: 'https://live.douyin.com/1',
      productIds: [featured.id],
    })) as number;
    expect(await setLivestreamStatus({ id, supplierId: supplierB, to: 'live', actorId: actor })).toBe('not_found');
    expect(await setLivestreamStatus({ id, supplierId: supplierA, to: 'ended', actorId: actor })).toBe('invalid');
    expect(await setLivestreamStatus({ id, supplierId: supplierA, to: 'live', actorId: actor })).toBe('ok');

    const attributed = await guestOrder(
      [
        { slug: featured.slug, quantity: 2 },
        { slug: other, quantity: 1 },
      ],
      { livestreamId: id },
    );
    const notFeatured = await guestOrder([{ slug: other, quantity: 1 }], { livestreamId: id });
    const channelOf = (orderId: string) =>
      scalar(sql`select channel || ':' || coalesce(livestream_id::text, '-') from orders where id = ${orderId}`);
    expect(await channelOf(attributed.orderId)).toBe(`livestream:${id}`);
    expect(await channelOf(notFeatured.orderId)).toBe('online:-');

    await paySimulated({ orderNo: attributed.orderNo });
    const itemsFen = BigInt(String(await scalar(sql`select items_fen from orders where id = ${attributed.orderId}`)));
    const stream = (await listSupplierLivestreams({ supplierId: supplierA })).find((l) => l.id === id)!;
    expect(stream).toMatchObject({ salesFen: itemsFen, orders: 1, status: 'live' });
  });
});
