import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind, getDb, rowsOf } from '@/db/client';
import { idNumberCheckChar } from '@/domain/id-number';
import { addDays, chinaDate, chinaDayStart, chinaMonth, chinaYear } from '@/domain/time';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { guestOrder } from '@/scripts/test-support/orders';

/**
 * The 带贫成效 property (issue 17), on PostgreSQL (and, with fewer runs, PGlite): random households,
 * sales, payouts and dividend rules, then
 * - every rule's per-household dues sum exactly to its pool, and the pool is the rule's share of a
 *   from-scratch sum of the supplier's counted ledger rows in the period;
 * - every recorded figure (the year's figures behind /impact, GET /api/v1/impact, the monthly 通报 and
 *   its XLSX and CSV) equals a from-scratch sum over the payout rows, counting verified payouts only;
 * - no household name or ID number appears in any of them, nor in the public /impact data, the sales
 *   export, or the lists managers and reviewers see before a reveal.
 */
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
const session = vi.hoisted(() => ({ userId: null as string | null }));
useSeededDatabase();

const { paySimulated } = await import('@/lib/payments/simulator');
const { refundOrderMoney } = await import('@/lib/payments/refunds');
const { registerHousehold } = await import('./households');
const { recordPayout, verifyPayout, returnPayout, voidPayout } = await import('./payouts');
const { declareDividendRule, dividendStatement } = await import('./dividends');
const { recordPayoutSchema } = await import('@/lib/validation/benefit');
const { getYearBenefitFigures } = await import('@/db/queries/benefit-figures');
const { getImpact } = await import('@/db/queries/impact');
const { listPayouts } = await import('@/db/queries/payouts');
const { listSupplierHouseholds } = await import('@/db/queries/households');
const { buildMonthlyReport } = await import('@/lib/reports/monthly');
const { monthlyTables } = await import('@/lib/reports/monthly-tables');
const { monthlyXlsx } = await import('@/lib/reports/monthly-export');
const { impactExportRows } = await import('@/lib/impact/export-rows');
const { GET: impactApi } = await import('@/app/api/v1/impact/route');
const { GET: monthlyExport } = await import('@/app/admin/reports/monthly/export/route');

const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(s));
type Supplier = { id: number; slugs: string[]; products: number[]; township: string };
const suppliers: Supplier[] = [];
let admin = '';
let manager = '';
let seq = 0;
const today = chinaDate();
const year = chinaYear();
const personal: string[] = [];
const exercised = { pools: 0, dividendPayouts: 0 };

beforeAll(async () => {
  for (const slug of ['datun-xingfu-embroidery', 'jijie-vegetable-coop']) {
    const [s] = await q<{ id: number; township_slug: string }>(
      sql`select id, township_slug from suppliers where slug = ${slug}`,
    );
    const ps = await q<{ id: number; slug: string }>(
      sql`select id, slug from products where supplier_id = ${s!.id} and status = 'listed' order by id limit 3`,
    );
    await getDb().execute(sql`update products set stock = 1000000 where supplier_id = ${s!.id}`);
    suppliers.push({
      id: s!.id,
      slugs: ps.map((p) => p.slug),
      products: ps.map((p) => p.id),
      township: s!.township_slug,
    });
  }
  admin = (await q<{ id: string }>(sql`select id from users where email = 'admin@example.com'`))[0]!.id;
  manager = (await q<{ id: string }>(sql`select id from users where email = 'workshop@example.com'`))[0]!.id;
  // A programme year the tests control: the current one.
  await getDb().execute(
    sql`insert into settings (key, value) values ('programme_year', ${JSON.stringify(year)}::jsonb) on conflict (key) do update set value = excluded.value`,
  );
});

const scenario = fc.record({
  households: fc.array(
    fc.record({
      s: fc.nat(1),
      category: fc.constantFrom('poverty_lifted', 'monitored', 'general'),
      dividend: fc.boolean(),
      shares: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  sales: fc.array(
    fc.record({ s: fc.nat(1), p: fc.nat(2), qty: fc.integer({ min: 1, max: 4 }), refundPct: fc.nat(100) }),
    { maxLength: 4 },
  ),
  rule: fc.option(
    fc.record({
      s: fc.nat(1),
      bps: fc.integer({ min: 1, max: 10_000 }),
      back: fc.nat(400),
      split: fc.constantFrom('equal', 'shares'),
    }),
  ),
  payouts: fc.array(
    fc.record({
      h: fc.nat(20),
      kind: fc.constantFrom('piece_rate', 'day_wage', 'purchase_premium', 'dividend'),
      qty: fc.integer({ min: 1, max: 5000 }),
      rate: fc.integer({ min: 1, max: 20_000 }),
      daysBack: fc.nat(500),
      fate: fc.constantFrom('verify', 'verify', 'return', 'void', 'leave'),
    }),
    { maxLength: 8 },
  ),
});

/** A made-up name and a well-formed made-up ID number, unique per household, to look for later. */
function personalData() {
  const n = ++seq;
  const body = `11010519800101${String(n % 1000).padStart(3, '0')}`;
  const name = `测${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(n / 10) % 10]}${n}`;
  return { name, idNumber: body + idNumberCheckChar(body) };
}

/** The recorded figures from scratch: every payout row, filtered and summed here, without the app's code. */
async function fromScratch(fromDay: string, toDay: string) {
  const rows = await q<{
    household_id: number;
    supplier_id: number;
    category: string;
    channel: string;
    amount_fen: string;
  }>(
    sql`select p.household_id, p.supplier_id, h.category::text, p.channel::text, p.amount_fen::text
        from payouts p join households h on h.id = p.household_id
        where p.status = 'verified' and p.paid_on between ${fromDay}::date and ${toDay}::date`,
  );
  const per = new Map<number, { category: string; fen: bigint }>();
  const channel = { production: 0n, employment: 0n, dividend: 0n } as Record<string, bigint>;
  const supplier = new Map<number, bigint>();
  for (const r of rows) {
    const fen = BigInt(r.amount_fen);
    const h = per.get(r.household_id) ?? { category: r.category, fen: 0n };
    h.fen += fen;
    per.set(r.household_id, h);
    channel[r.channel]! += fen;
    supplier.set(Number(r.supplier_id), (supplier.get(Number(r.supplier_id)) ?? 0n) + fen);
  }
  const incomes = [...per.values()].map((h) => h.fen).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = (p: number) => (incomes.length ? incomes[Math.ceil((p * incomes.length) / 100) - 1]! : 0n);
  return {
    reached: per.size,
    poverty: [...per.values()].filter((h) => h.category === 'poverty_lifted').length,
    monitored: [...per.values()].filter((h) => h.category === 'monitored').length,
    paidFen: [...per.values()].reduce((s, h) => s + h.fen, 0n),
    channel,
    supplier,
    medianFen: rank(50),
    p10Fen: rank(10),
  };
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function run(sc: Scenario) {
  const hh: { id: number; s: Supplier }[] = [];
  for (const h of sc.households) {
    const s = suppliers[h.s]!;
    const p = personalData();
    personal.push(p.name, p.idNumber);
    const id = await registerHousehold({
      supplierId: s.id,
      actorId: manager,
      fields: {
        code: `PT-${String(++seq).padStart(6, '0')}`,
        townshipSlug: s.township,
        village: '测试村',
        category: h.category,
        members: 3,
        channels: h.dividend ? ['employment', 'production', 'dividend'] : ['employment', 'production'],
        shares: h.shares,
      },
      personal: p,
    });
    hh.push({ id, s });
  }
  for (const sale of sc.sales) {
    const s = suppliers[sale.s]!;
    const o = await guestOrder([{ slug: s.slugs[sale.p % s.slugs.length]!, quantity: sale.qty }]);
    await paySimulated({ orderNo: o.orderNo });
    const refund = (o.totalFen * BigInt(sale.refundPct)) / 100n;
    if (refund > 0n)
      await refundOrderMoney({ orderNo: o.orderNo, amountFen: refund, requestId: `t${++seq}`, actorId: admin });
  }
  let ruleId: number | null = null;
  if (sc.rule && hh.some((h, i) => h.s === suppliers[sc.rule!.s] && sc.households[i]!.dividend)) {
    const s = suppliers[sc.rule.s]!;
    const from = addDays(today, -sc.rule.back);
    ruleId = (
      await declareDividendRule({
        supplierId: s.id,
        actorId: manager,
        title: '测试分红',
        periodFrom: from,
        periodTo: today,
        shareBps: sc.rule.bps,
        split: sc.rule.split,
      })
    ).id;
    const st = (await dividendStatement(ruleId))!;
    if (st.poolFen > 0n) exercised.pools++;
    const [counted] = await q<{ fen: string }>(
      sql`select coalesce(sum(amount_fen), 0)::text as fen from sales_ledger where supplier_id = ${s.id} and counted
          and occurred_at >= ${chinaDayStart(from).toISOString()}::timestamptz
          and occurred_at < ${chinaDayStart(addDays(today, 1)).toISOString()}::timestamptz`,
    );
    expect(st.countedFen).toBe(BigInt(counted!.fen));
    const expectedPool = st.countedFen > 0n ? (st.countedFen * BigInt(sc.rule.bps)) / 10_000n : 0n;
    expect(st.poolFen).toBe(expectedPool);
    expect(st.members.reduce((sum, m) => sum + m.dueFen, 0n)).toBe(st.poolFen);
  }
  for (const p of sc.payouts) {
    let h = hh[p.h % hh.length]!;
    const dividend = p.kind === 'dividend';
    if (dividend && ruleId === null) continue;
    let amount = '';
    if (dividend) {
      // A member of the rule with something still due.
      const st = (await dividendStatement(ruleId!))!;
      const open = st.members.filter((x) => x.dueFen > x.paidFen);
      const m = open[p.h % Math.max(1, open.length)];
      if (!m) continue;
      h = hh.find((x) => x.id === m.householdId) ?? {
        id: m.householdId,
        s: suppliers.find((x) => x.id === st.rule.supplierId)!,
      };
      const fen = 1n + (BigInt(p.qty) % (m.dueFen - m.paidFen));
      amount = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    }
    const input = recordPayoutSchema.parse({
      supplierId: String(h.s.id),
      householdId: String(h.id),
      kind: p.kind,
      paidOn: addDays(today, -p.daysBack),
      method: 'bank',
      ...(dividend
        ? { dividendRuleId: String(ruleId), amount }
        : {
            quantity: `${Math.floor(p.qty / 100)}.${String(p.qty % 100).padStart(2, '0')}`,
            unitRate: `${Math.floor(p.rate / 100)}.${String(p.rate % 100).padStart(2, '0')}`,
            productId: String(h.s.products[0]),
          }),
    });
    if (!dividend && (p.qty * p.rate) / 100 < 0.5) {
      // Less than a fen: refused with a message, nothing written.
      await expect(recordPayout({ supplierId: h.s.id, actorId: manager, input, receipt: null })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      continue;
    }
    const r = await recordPayout({ supplierId: h.s.id, actorId: manager, input, receipt: null });
    if (dividend) exercised.dividendPayouts++;
    if (p.fate === 'verify') await verifyPayout({ payoutId: r.id, actorId: admin });
    if (p.fate === 'return' || p.fate === 'void')
      await returnPayout({ payoutId: r.id, actorId: admin, reason: '测试' });
    if (p.fate === 'void') await voidPayout({ payoutId: r.id, supplierId: h.s.id, actorId: manager });
  }
}

function expectNoPersonalData(label: string, text: string) {
  for (const v of personal) expect(text.includes(v), `${label} shows ${v}`).toBe(false);
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

describe('带贫成效 from recorded payouts', () => {
  it('dues sum to the pool; recorded figures equal from-scratch sums of verified payouts; no personal data', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        await run(sc);
        const expected = await fromScratch(`${year}-01-01`, `${year}-12-31`);
        const f = await getYearBenefitFigures({ year });
        expect({
          reached: f.reached,
          poverty: f.poverty,
          monitored: f.monitored,
          paidFen: f.paidFen,
          medianFen: f.medianFen,
          p10Fen: f.p10Fen,
        }).toEqual({
          reached: expected.reached,
          poverty: expected.poverty,
          monitored: expected.monitored,
          paidFen: expected.paidFen,
          medianFen: expected.medianFen,
          p10Fen: expected.p10Fen,
        });
        for (const c of f.byChannel) expect(c.paidFen).toBe(expected.channel[c.channel]);
        for (const s of f.bySupplier) expect(s.paidFen).toBe(expected.supplier.get(s.supplierId));

        const api = (await (await impactApi()).json()) as {
          households: { reached: number; poverty: number; monitored: number };
          payoutsFen: { totalFen: number; byChannel: { channel: string; paidFen: number }[] };
        };
        expect(api.households).toEqual({
          reached: expected.reached,
          poverty: expected.poverty,
          monitored: expected.monitored,
        });
        expect(BigInt(api.payoutsFen.totalFen)).toBe(expected.paidFen);
        for (const c of api.payoutsFen.byChannel) expect(BigInt(c.paidFen)).toBe(expected.channel[c.channel]);

        // The monthly 通报 for this month: its payouts equal the month's from-scratch sums, its year-to-date
        // sales groups equal the dashboard's, and the XLSX holds the same figures as the page's tables.
        const month = chinaMonth();
        const report = await buildMonthlyReport(month);
        const monthScratch = await fromScratch(report.first, report.last);
        expect(report.payoutsMonth.paidFen).toBe(monthScratch.paidFen);
        expect(report.payoutsMonth.reached).toBe(monthScratch.reached);
        const impact = await getImpact({ withUnits: true });
        expect(report.cumulativeFen).toBe(impact.countedFen);
        for (const [mine, theirs] of [
          [report.byChannel, impact.byChannel.map((c) => ({ ...c, key: c.channel }))],
          [report.byTownship, impact.byTownship],
          [report.bySupplier, impact.bySupplier],
          [report.byRound, impact.byRound],
        ] as const)
          for (const g of theirs)
            expect(mine.find((x) => x.key === g.key)?.cumulativeFen ?? 0n, `${g.key}`).toBe(g.countedFen);

        const tables = monthlyTables(report);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await monthlyXlsx('通报', tables)) as never);
        tables.forEach((t, i) => {
          const ws = wb.worksheets[i]!;
          t.rows.forEach((row, r) =>
            row.forEach((c, j) => {
              const v = ws.getRow(r + 3).getCell(j + 1).value;
              if (c.kind === 'fen') expect(Math.round(Number(v) * 100), `${t.id} ${r} ${j}`).toBe(Number(c.fen));
              if (c.kind === 'int') expect(v).toBe(c.n);
              if (c.kind === 'text') expect(v).toBe(c.text);
            }),
          );
        });

        session.userId = admin;
        const exported = await monthlyExport(
          new Request(`http://t/admin/reports/monthly/export?month=${month}&format=csv`),
        );
        expect(exported.status).toBe(200);
        expectNoPersonalData('monthly CSV', await exported.text());
        expectNoPersonalData('monthly tables', json(tables));
        expectNoPersonalData('GET /api/v1/impact', json(api));
        expectNoPersonalData('/impact data', json({ impact: await getImpact(), f }));
        expectNoPersonalData('sales export', json(impactExportRows(impact)));
        expectNoPersonalData('payout lists', json(await listPayouts({ limit: 1000 })));
        for (const s of suppliers)
          expectNoPersonalData('register', json(await listSupplierHouseholds({ supplierId: s.id })));
      }),
      { numRuns: dbKind() === 'postgres' ? 20 : 6 },
    );
    console.log('[benefit property] exercised', exercised);
  }, 600_000);
});
