import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { fakeExe, pngBomb, svgWithScript } from '@/lib/media/fixtures';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { seededUserId } from '@/scripts/test-support/orders';

/** Uploads through the real server actions: refused with a clear Chinese message, nothing written. */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));

useSeededDatabase();

let productId = 0;
const digest = async () =>
  rowsOf<{ d: string }>(
    await getDb().execute(
      sql`select md5(coalesce((select string_agg(sha256, ',' order by id) from product_images), '') || coalesce((select string_agg(sha256, ',') from media_blobs), '') || coalesce((select string_agg(certificate_no, ',' order by id) from certifications), '')) as d`,
    ),
  )[0]!.d;

beforeAll(async () => {
  session.userId = await seededUserId('workshop@example.com');
  productId = rowsOf<{ id: number }>(
    await getDb().execute(
      sql`select p.id from products p join suppliers s on s.id = p.supplier_id where s.slug = 'datun-xingfu-embroidery' order by p.id limit 1`,
    ),
  )[0]!.id;
});

async function sixMegabytePng(): Promise<Uint8Array> {
  const w = 1500;
  const h = 1400;
  const noise = Buffer.alloc(w * h * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  return new Uint8Array(
    await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  );
}

describe('image and certificate uploads', () => {
  it.each([
    ['a renamed .exe', () => fakeExe(), '照片.jpg', '只接受 JPEG、PNG 或 WebP 图片'],
    ['an SVG with script', () => svgWithScript, 'logo.png', '只接受 JPEG、PNG 或 WebP 图片'],
    ['a 6 MB image', sixMegabytePng, 'big.png', '文件超过 5 MB'],
    [
      'a decompression bomb (20000×20000 PNG of one colour)',
      () => pngBomb(),
      'bomb.png',
      '图片像素过多（20000×20000），最多 4000 万像素',
    ],
  ])('refuses %s as a product photo', async (_what, make, name, message) => {
    const { uploadProductImageAction } = await import('./listings');
    const bytes = await make();
    const before = await digest();
    const r = await uploadProductImageAction(null, {
      productId: String(productId),
      alt: '',
      image: new File([Buffer.from(bytes)], name, { type: 'image/jpeg' }),
    });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    if (r.ok) return;
    expect(r.error).toContain(message);
    expect(r.fieldErrors?.image).toContain(message);
    expect(await digest()).toBe(before);
  });

  it('refuses the same files as a certificate scan', async () => {
    const { submitCertificateAction } = await import('./listings');
    for (const bytes of [fakeExe(), svgWithScript, pngBomb()]) {
      const before = await digest();
      const r = await submitCertificateAction(null, {
        productId: String(productId),
        certificateNo: 'UP-1',
        issuer: '个旧市扶贫办',
        catalogueBatch: '第一批',
        issuedOn: '2026-01-01',
        expiresOn: '2027-01-01',
        file: new File([Buffer.from(bytes)], 'cert.pdf'),
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.file).toMatch(/[\u4e00-\u9fff]/);
      expect(await digest()).toBe(before);
    }
  });

  it('accepts a real photo and stores three WebP sizes', async () => {
    const { uploadProductImageAction } = await import('./listings');
    const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#a42a2a' } })
      .jpeg()
      .toBuffer();
    const r = await uploadProductImageAction(null, {
      productId: String(productId),
      alt: '绣品正面',
      image: new File([jpeg], 'a.jpg'),
    });
    expect(r).toMatchObject({ ok: true });
    const [row] = rowsOf<{ variants: unknown }>(
      await getDb().execute(
        sql`select variants from product_images where product_id = ${productId} and alt = '绣品正面'`,
      ),
    );
    const variants = (typeof row!.variants === 'string' ? JSON.parse(row!.variants) : row!.variants) as {
      width: number;
    }[];
    expect(variants.map((v) => v.width)).toEqual([320, 640, 1280]);
  });
});
