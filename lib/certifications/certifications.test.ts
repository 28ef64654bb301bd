import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { scalar, seededUserId } from '@/scripts/test-support/orders';
import { decideCertification, expireCertifications } from '@/lib/certifications/decisions';
import { EXPIRY_DELISTS } from '@/domain/certification';
import { setBooleanSetting } from '@/lib/programme/settings';
import { getProductBySlug } from '@/db/queries/product';
import { chinaDate } from '@/domain/time';

useSeededDatabase();
const admin = () => seededUserId('admin@example.com');

describe('certification review and expiry', () => {
  it('approving a pending certificate lists a product in review and gives it the badge', async () => {
    const id = Number(
      await scalar(
        sql`select c.id from certifications c join products p on p.id = c.product_id where p.slug = 'embroidered-baby-carrier'`,
      ),
    );
    expect(await getProductBySlug({ slug: 'embroidered-baby-carrier', today: chinaDate() })).toBeNull();
    expect(await decideCertification({ id, decision: 'approve', reason: '', actorId: await admin() })).toBe(
      'embroidered-baby-carrier',
    );
    expect(await decideCertification({ id, decision: 'reject', reason: '重复', actorId: await admin() })).toBeNull(); // already decided
    expect((await getProductBySlug({ slug: 'embroidered-baby-carrier', today: chinaDate() }))!.badge).toBe('certified');
  });

  it('expiry removes the badge, and delists only when the setting says so', async () => {
    const today = chinaDate();
    const lapse = (slug: string) =>
      getDb().execute(
        sql`update certifications set expires_on = ${today}::date - 1 where product_id = (select id from products where slug = ${slug})`,
      );
    await lapse('jijie-tomatoes');
    await lapse('jijie-green-peppers');
    expect((await getProductBySlug({ slug: 'jijie-tomatoes', today }))!.badge).toBe('expired'); // the rule holds before the job runs
    const first = await expireCertifications({ today });
    expect(first).toEqual(expect.arrayContaining(['jijie-tomatoes', 'jijie-green-peppers']));
    expect(
      await scalar(
        sql`select c.status from certifications c join products p on p.id = c.product_id where p.slug = 'jijie-tomatoes'`,
      ),
    ).toBe('expired');
    expect(await scalar(sql`select status from products where slug = 'jijie-tomatoes'`)).toBe('listed');
    expect(await expireCertifications({ today })).toEqual([]); // runs once

    await setBooleanSetting({ key: EXPIRY_DELISTS, value: true, actorId: await admin() });
    await lapse('jijie-seasonal-veg-box');
    const second = await expireCertifications({ today });
    expect(second).toContain('jijie-seasonal-veg-box');
    expect(await scalar(sql`select status from products where slug = 'jijie-seasonal-veg-box'`)).toBe('delisted');
  });
});

describe('setCertificationExpiry', () => {
  it('a past date removes the badge at once; a later one restores it; nothing for unknown certificates or impossible dates', async () => {
    const { setCertificationExpiry } = await import('@/lib/certifications/decisions');
    const today = chinaDate();
    const actorId = await admin();
    await setBooleanSetting({ key: EXPIRY_DELISTS, value: false, actorId });
    const row = rowsOf<{ no: string; slug: string }>(
      await getDb().execute(
        sql`select c.certificate_no as no, p.slug from certifications c join products p on p.id = c.product_id where c.status = 'approved' and p.status = 'listed' order by c.id limit 1`,
      ),
    )[0]!;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(
      await setCertificationExpiry({ certificateNo: row.no, expiresOn: yesterday, reason: '提前终止', actorId, today }),
    ).toBe(row.slug);
    expect((await getProductBySlug({ slug: row.slug, today }))?.badge).toBe('expired');
    expect(await scalar(sql`select status from certifications where certificate_no = ${row.no}`)).toBe('expired');
    expect(
      await setCertificationExpiry({ certificateNo: row.no, expiresOn: '2031-01-01', reason: '恢复', actorId, today }),
    ).toBe(row.slug);
    expect((await getProductBySlug({ slug: row.slug, today }))?.badge).toBe('certified');
    expect(
      await setCertificationExpiry({ certificateNo: 'NO-SUCH', expiresOn: '2031-01-01', reason: 'x', actorId, today }),
    ).toBeNull();
    expect(
      await setCertificationExpiry({ certificateNo: row.no, expiresOn: '2001-01-01', reason: 'x', actorId, today }),
    ).toEqual({ error: '有效期至不能早于认定日期' });
  });
});
