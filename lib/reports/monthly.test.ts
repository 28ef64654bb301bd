import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { pledgePaceFen } from '@/domain/monthly-report';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { guestOrder } from '@/scripts/test-support/orders';

/**
 * The monthly 通报's own rules, at their edges: months turn over at midnight Beijing time, payouts count
 * by their date and only when verified, a supplier with sales and no payout for 90 days is flagged, a
 * unit below its pledge pace is listed. Fixed dates in 2026 (the report is read "as of" a given day).
 */
useSeededDatabase();

const { paySimulated } = await import('@/lib/payments/simulator');
const { buildMonthlyReport } = await import('./monthly');
const { monthlyTables } = await import('./monthly-tables');

const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(s));
const ids = { tea: 0, teaProduct: '', admin: '', unit: '' };

/** A paid order of one tea product, its ledger rows dated at `at`. */
async function saleAt(at: string, quantity = 1): Promise<bigint> {
  const o = await guestOrder([{ slug: ids.teaProduct, quantity }]);
  await paySimulated({ orderNo: o.orderNo });
  await getDb().execute(sql`update sales_ledger set occurred_at = ${at}::timestamptz where order_id = ${o.orderId}`);
  const [r] = await q<{ fen: string }>(
    sql`select sum(amount_fen)::text as fen from sales_ledger where order_id = ${o.orderId} and counted`,
  );
  return BigInt(r!.fen);
}

beforeAll(async () => {
  ids.tea = (await q<{ id: number }>(sql`select id from suppliers where slug = 'kafang-ecotea-coop'`))[0]!.id;
  ids.teaProduct = (
    await q<{ slug: string }>(
      sql`select p.slug from products p where p.supplier_id = ${ids.tea} and p.status = 'listed'
          and exists (select 1 from certifications c where c.product_id = p.id and c.status = 'approved') limit 1`,
    )
  )[0]!.slug;
  await getDb().execute(sql`update products set stock = 100000 where slug = ${ids.teaProduct}`);
  ids.admin = (await q<{ id: string }>(sql`select id from users where email = 'admin@example.com'`))[0]!.id;
  ids.unit = (
    await q<{ unit_id: string }>(
      sql`select m.unit_id from unit_members m join users u on u.id = m.user_id where u.email = 'unit@example.com'`,
    )
  )[0]!.unit_id;
});

describe('the monthly 通报', () => {
  it('dates sales by Beijing time: 23:59:59 on 31 October is October, midnight is November', async () => {
    const october = await saleAt('2026-10-31T15:59:59Z');
    const november = await saleAt('2026-10-31T16:00:00Z', 2);
    const r = await buildMonthlyReport('2026-11', '2026-12-15');
    const tea = r.bySupplier.find((g) => g.key === String(ids.tea))!;
    expect(tea.monthFen).toBe(november);
    expect(tea.cumulativeFen).toBe(october + november);
    const oct = await buildMonthlyReport('2026-10', '2026-12-15');
    expect(oct.bySupplier.find((g) => g.key === String(ids.tea))!.monthFen).toBe(october);
    // Every channel is listed, as on the dashboard, and the total is the sum of the channels.
    expect(r.byChannel.map((c) => c.key)).toEqual(['online', 'unit', 'round', 'livestream']);
    expect(r.byChannel.reduce((s, c) => s + c.monthFen, 0n)).toBe(r.monthFen);
  });

  it('flags a supplier with sales and no payout recorded in the 90 days to the report date, until one is', async () => {
    await saleAt('2026-09-15T04:00:00Z');
    const before = await buildMonthlyReport('2026-11', '2026-12-15');
    expect(before.asOf).toBe('2026-11-30');
    expect(before.gapFrom).toBe('2026-09-02');
    expect(before.flagged.map((f) => f.supplierId)).toContain(ids.tea);
    const [h] = await q<{ id: number }>(
      sql`insert into households (supplier_id, code, township_slug, village, category, members, channels)
          values (${ids.tea}, 'KF-0001', 'kafang', '新山村', 'poverty_lifted', 3, '{production}') returning id`,
    );
    // A payout dated before the window does not help; one inside it does (whatever its review state).
    const pay = (paidOn: string) =>
      getDb().execute(sql`insert into payouts (supplier_id, household_id, kind, channel, paid_on, amount_fen,
          quantity_centi, unit_rate_fen, method, status, confirmation)
          values (${ids.tea}, ${h!.id}, 'purchase_premium', 'production', ${paidOn}, 5000, 10000, 50, 'bank', 'submitted', 'not_needed')`);
    await pay('2026-09-01');
    expect((await buildMonthlyReport('2026-11', '2026-12-15')).flagged.map((f) => f.supplierId)).toContain(ids.tea);
    await pay('2026-09-02');
    const after = await buildMonthlyReport('2026-11', '2026-12-15');
    expect(after.flagged.map((f) => f.supplierId)).not.toContain(ids.tea);
    // Unverified, so not in the figures; pending in September's report.
    expect(after.payoutsYear.bySupplier.find((s) => s.supplierId === ids.tea)).toBeUndefined();
    expect((await buildMonthlyReport('2026-09', '2026-12-15')).pending.amountFen).toBeGreaterThanOrEqual(10_000n);
  });

  it('lists units below their pledge pace as of the report date, with the pace and the shortfall', async () => {
    await getDb().execute(
      sql`insert into unit_pledges (unit_id, year, pledge_fen) values (${ids.unit}, 2026, 36500000)
          on conflict (unit_id, year) do update set pledge_fen = excluded.pledge_fen`,
    );
    const r = await buildMonthlyReport('2026-03', '2026-12-15');
    const u = r.unitsBehind.find((x) => x.unitId === ids.unit)!;
    expect(u.paceFen).toBe(pledgePaceFen(36_500_000n, '2026-03-31'));
    expect(u.paceFen).toBe(9_000_000n);
    const row = monthlyTables(r)
      .find((t) => t.id === 'units-behind')!
      .rows.find((cells) => cells[0]!.kind === 'text' && cells[0]!.text === u.unitName)!;
    expect(row[5]).toEqual({ kind: 'fen', fen: u.paceFen - u.paidFen });
  });

  it('refuses a month that is not YYYY-MM', async () => {
    await expect(buildMonthlyReport('2026-13')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
