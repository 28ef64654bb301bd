import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { CHINA_OFFSET_MS } from '@/domain/time';
import { getImpact } from '@/db/queries/impact';
import { GET as impactApi } from '@/app/api/v1/impact/route';
import { impactExportRows } from '@/lib/impact/export-rows';

/**
 * The target figure against a from-scratch sum (the money property test, lib/payments/reconciliation.test.ts):
 * every figure of the dashboard (getImpact), the API and the export, per dimension, equals a sum over the
 * paid orders' lines and the ledger's refund rows, and the ledger agrees with the orders' money.
 * Import it after the test's environment is stubbed (it loads the app's modules).
 */
/** The dimensions every sale and refund row is counted under. */
type SaleDims = {
  counted: boolean;
  fen: string;
  channel: string;
  supplier: string;
  category: string;
  township: string;
  unit: string | null;
  round: string | null;
  livestream: string | null;
};

type Fig = { counted: bigint; uncounted: bigint };
export async function fromScratch() {
  const db = getDb();
  const year = (await getImpact()).year;
  const from = new Date(Date.UTC(year, 0, 1) - CHINA_OFFSET_MS).toISOString();
  const to = new Date(Date.UTC(year + 1, 0, 1) - CHINA_OFFSET_MS).toISOString();
  // Sales straight from paid orders' lines; refunds from the ledger's refund rows (the only record of
  // how a refund was split across lines), checked against the orders below.
  const sales = rowsOf<SaleDims & { order_id: string; buyer: string }>(
    await db.execute(sql`
      select oi.certified_at_sale as counted, oi.line_total_fen::text as fen, o.channel::text as channel, oi.supplier_id::text as supplier, p.category_id::text as category,
             s.township_slug as township, o.unit_id::text as unit, o.round_id::text as round, o.livestream_id::text as livestream, o.id::text as order_id,
             coalesce(o.user_id::text, 'm:' || o.contact_mobile_hash) as buyer
      from orders o join order_items oi on oi.order_id = o.id join products p on p.id = oi.product_id join suppliers s on s.id = oi.supplier_id
      where o.paid_at >= ${from}::timestamptz and o.paid_at < ${to}::timestamptz`),
  );
  const refunds = rowsOf<SaleDims>(
    await db.execute(sql`select counted, amount_fen::text as fen, channel::text, supplier_id::text as supplier, category_id::text as category, township_slug as township, unit_id::text as unit, round_id::text as round, livestream_id::text as livestream
      from sales_ledger where kind = 'refund' and occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz`),
  );
  const groups = new Map<string, Fig>();
  const add = (dim: string, key: string | null, counted: boolean, fen: bigint) => {
    if (key === null) return;
    const g = groups.get(`${dim}:${key}`) ?? { counted: 0n, uncounted: 0n };
    if (counted) g.counted += fen;
    else g.uncounted += fen;
    groups.set(`${dim}:${key}`, g);
  };
  for (const r of [...sales, ...refunds]) {
    const fen = BigInt(r.fen);
    for (const [dim, key] of [
      ['total', ''],
      ['channel', r.channel],
      ['supplier', r.supplier],
      ['category', r.category],
      ['township', r.township],
      ['unit', r.unit],
      ['round', r.round],
      ['livestream', r.livestream],
    ] as const)
      add(dim, key, r.counted, fen);
  }
  const counted = sales.filter((s) => s.counted);
  return {
    groups,
    orders: new Set(counted.map((s) => s.order_id)).size,
    buyers: new Set(counted.map((s) => s.buyer)).size,
    units: new Set(counted.map((s) => s.unit).filter(Boolean)).size,
    refundedCounted: -refunds.filter((r) => r.counted).reduce((s, r) => s + BigInt(r.fen), 0n),
  };
}

/**
 * The ledger agrees with the money: a paid order has one sale row per line summing to its goods, and
 * its refund rows cover what was refunded since it was paid (its total less what it holds) but the
 * shipping; an order never paid has no ledger rows at all (money returned before payment included).
 */
export async function orderInvariants(): Promise<void> {
  const bad = rowsOf<{ order_no: string }>(
    await getDb().execute(sql`
      select o.order_no from orders o
      left join lateral (select coalesce(sum(amount_fen) filter (where kind = 'sale'), 0) as sold, coalesce(-sum(amount_fen) filter (where kind = 'refund'), 0) as refunded,
                                count(*) as rows, count(*) filter (where kind = 'sale') as lines from sales_ledger where order_id = o.id) l on true
      where (o.paid_at is not null and (l.sold <> o.items_fen or l.lines <> (select count(*) from order_items where order_id = o.id)
              or l.refunded > o.total_fen - (o.paid_fen - o.refunded_fen)
              or o.total_fen - (o.paid_fen - o.refunded_fen) > l.refunded + o.shipping_fen))
         or (o.paid_at is null and l.rows > 0)`),
  );
  expect(bad).toEqual([]);
}

export async function compareWithScratch(): Promise<void> {
  await orderInvariants();
  const fs = await fromScratch();
  const i = await getImpact({ withUnits: true });
  const g = (dim: string, key: string) => fs.groups.get(`${dim}:${key}`) ?? { counted: 0n, uncounted: 0n };
  expect({ counted: i.countedFen, uncounted: i.uncountedFen }).toEqual(g('total', ''));
  expect(i.refundedFen).toBe(fs.refundedCounted);
  expect({ orders: i.orders, buyers: i.buyers, units: i.units }).toEqual({
    orders: fs.orders,
    buyers: fs.buyers,
    units: fs.units,
  });
  for (const [dim, list] of [
    ['channel', i.byChannel],
    ['supplier', i.bySupplier],
    ['category', i.byCategory],
    ['township', i.byTownship],
    ['unit', i.byUnit!],
    ['round', i.byRound],
    ['livestream', i.byLivestream],
  ] as const) {
    for (const x of list)
      expect({ dim, key: x.key, counted: x.countedFen, uncounted: x.uncountedFen }).toEqual({
        dim,
        key: x.key,
        ...g(dim, x.key),
      });
    const keys = new Set(list.filter((x) => x.countedFen !== 0n || x.uncountedFen !== 0n).map((x) => x.key));
    for (const [k, v] of fs.groups)
      if (k.startsWith(`${dim}:`) && (v.counted !== 0n || v.uncounted !== 0n))
        expect(keys.has(k.slice(dim.length + 1)), k).toBe(true);
  }
  expect(i.days.reduce((s, d) => s + d.countedFen, 0n)).toBe(i.countedFen);
  const api = (await (await impactApi()).json()) as {
    countedFen: number;
    refundedFen: number;
    orders: number;
    byChannel: { channel: string; countedFen: number }[];
  };
  expect(BigInt(api.countedFen)).toBe(i.countedFen);
  expect(BigInt(api.refundedFen)).toBe(i.refundedFen);
  expect(api.orders).toBe(i.orders);
  for (const c of api.byChannel) expect(BigInt(c.countedFen)).toBe(g('channel', c.channel).counted);
  const rows = impactExportRows(i);
  expect(rows[0]![3]).toBe(Number(i.countedFen));
  expect(rows.filter((r) => r[0] === '渠道').reduce((s, r) => s + BigInt(r[3] as number), 0n)).toBe(i.countedFen);
}
