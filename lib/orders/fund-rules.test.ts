import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { UNION_RULES_SETTING, type UnionRules } from '@/domain/fund-source';
import { addDays, chinaDate, chinaYear } from '@/domain/time';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { purchaseOrderForm, scalar, seededUserId } from '@/scripts/test-support/orders';

/**
 * Issue 15, fund sources: a union (工会) order outside every festival window, over the per-member amount
 * (counting the unit's earlier union orders of the year), or holding an excluded category is refused at
 * submission with the rule named, and nothing is written; canteen money is not held to union rules; the
 * office's rules are its own to change, audited.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { previewPurchaseOrderAction, submitPurchaseOrderAction } = await import('@/lib/actions/unit-orders');
const { addFestivalWindowAction, saveUnionAllowanceAction } = await import('@/lib/actions/fund-rules');
useSeededDatabase();

let buyer = '';
let admin = '';
let unitId = '';
let embroideryCode = '';
const today = chinaDate();
const year = chinaYear();
const covering = { festival: '春节' as const, from: addDays(today, -1), to: addDays(today, 1) };

async function setRules(r: UnionRules): Promise<void> {
  await getDb().execute(
    sql`insert into settings (key, value) values (${UNION_RULES_SETTING}, ${JSON.stringify(r)}::jsonb)
        on conflict (key) do update set value = excluded.value`,
  );
}

/** Every table a submission writes, counted. */
async function written(): Promise<string> {
  const tables = ['orders', 'order_items', 'order_recipients', 'audit_log', 'sales_ledger'];
  const counts = await Promise.all(tables.map((t) => scalar(sql`select count(*) from ${sql.identifier(t)}`)));
  const stock = await scalar(sql`select sum(stock) from products`);
  return [...counts, stock].join(',');
}

const union = (lines: string, extra: Record<string, unknown> = {}) =>
  purchaseOrderForm(unitId, { lines, fundSource: 'union', ...extra });

async function submit(lines: string, extra: Record<string, unknown> = {}) {
  session.userId = buyer;
  return submitPurchaseOrderAction(null, union(lines, extra));
}

async function refusedWritingNothing(lines: string, rule: string | RegExp): Promise<void> {
  const before = await written();
  const r = await submit(lines);
  expect(r.ok).toBe(false);
  const { error, fieldErrors } = r as { error: string; fieldErrors: Record<string, string> };
  expect(error).toMatch(rule);
  expect(fieldErrors.fundSource).toBe(error);
  expect(await written()).toBe(before);
  // The preview says the same before anything is submitted.
  const p = await previewPurchaseOrderAction(null, union(lines));
  expect(p).toMatchObject({ ok: false, error });
}

beforeAll(async () => {
  buyer = await seededUserId('unit@example.com');
  admin = await seededUserId('admin@example.com');
  unitId = rowsOf<{ unit_id: string }>(
    await getDb().execute(sql`select unit_id from unit_members where user_id = ${buyer}`),
  )[0]!.unit_id;
  await getDb().execute(sql`update products set stock = 1000000, unit_min_quantity = 1 where status = 'listed'`);
  embroideryCode = await scalar(
    sql`select p.code from products p join categories c on c.id = p.category_id where c.slug = 'embroidery' and p.status = 'listed' order by p.id limit 1`,
  );
});

beforeEach(async () => {
  // Each test starts with no union orders of this year standing.
  await getDb().execute(sql`update orders set status = 'cancelled' where fund_source = 'union'`);
});

describe('a union order the rules refuse is refused at submission, nothing written', () => {
  it('outside every festival window, naming the rule', async () => {
    await setRules({
      windows: [{ festival: '中秋', from: addDays(today, 30), to: addDays(today, 40) }],
      allowances: [{ year, perMemberFen: 10_000_000 }],
      excludedCategories: [],
    });
    await refusedWritingNothing(
      'GJ0019 20',
      /^工会经费仅可在元旦、春节.*节日期间采购慰问品，当前不在任何节日时段（下一个时段：中秋/,
    );
  });

  it('over the per-member amount (order total ÷ members when there are no recipients)', async () => {
    await setRules({ windows: [covering], allowances: [{ year, perMemberFen: 100 }], excludedCategories: [] });
    await refusedWritingNothing(
      'GJ0019 20',
      /^超出工会经费人均标准（\d{4} 年每人 ¥1\.00）：本单 ¥[\d,.]+ ÷ \d+ 名本单位成员/,
    );
  });

  it('when the year has no per-member amount', async () => {
    await setRules({ windows: [covering], allowances: [], excludedCategories: [] });
    await refusedWritingNothing('GJ0019 20', `消费扶贫办公室尚未设定 ${year} 年工会经费人均标准，暂不能用工会经费采购`);
  });

  it('holding an excluded category, naming the category and the goods', async () => {
    await setRules({
      windows: [covering],
      allowances: [{ year, perMemberFen: 10_000_000 }],
      excludedCategories: ['embroidery'],
    });
    await refusedWritingNothing(`GJ0019 20\n${embroideryCode} 5`, /^工会经费不得采购“刺绣工艺品”类商品：/);
  });
});

describe('the per-member amount counts the unit’s earlier union orders of the year', () => {
  it('accepts one order within it, refuses the next that would pass it, and forgets a cancelled one', async () => {
    await setRules({ windows: [covering], allowances: [{ year, perMemberFen: 10_000_000 }], excludedCategories: [] });
    const first = await submit('GJ0019 20');
    expect(first, JSON.stringify(first)).toMatchObject({ ok: true });
    const orderNo = (first as unknown as { data: { orderNo: string } }).data.orderNo;
    const [o] = rowsOf<{ total: string; heads: number; fund: string }>(
      await getDb().execute(
        sql`select total_fen::text as total, fund_heads as heads, fund_source as fund from orders where order_no = ${orderNo}`,
      ),
    );
    expect(o!.fund).toBe('union');
    const share = (BigInt(o!.total) + BigInt(o!.heads) - 1n) / BigInt(o!.heads);
    // Room for one such order and a half: the second is refused, naming the earlier share.
    await setRules({
      windows: [covering],
      allowances: [{ year, perMemberFen: Number((share * 3n) / 2n) }],
      excludedCategories: [],
    });
    await refusedWritingNothing(
      'GJ0019 20',
      new RegExp(`加上今年此前工会采购人均 ¥${(Number(share) / 100).toFixed(2)}`),
    );
    await getDb().execute(sql`update orders set status = 'cancelled' where order_no = ${orderNo}`);
    expect(await submit('GJ0019 20')).toMatchObject({ ok: true });
  });

  it('two union orders at once: the unit is locked, so only one fits in the room for one', async () => {
    await setRules({ windows: [covering], allowances: [{ year, perMemberFen: 10_000_000 }], excludedCategories: [] });
    const probe = await submit('GJ0019 20');
    const probeNo = (probe as unknown as { data: { orderNo: string } }).data.orderNo;
    const [o] = rowsOf<{ total: string; heads: number }>(
      await getDb().execute(
        sql`select total_fen::text as total, fund_heads as heads from orders where order_no = ${probeNo}`,
      ),
    );
    await getDb().execute(sql`update orders set status = 'cancelled' where order_no = ${probeNo}`);
    const share = (BigInt(o!.total) + BigInt(o!.heads) - 1n) / BigInt(o!.heads);
    await setRules({
      windows: [covering],
      allowances: [{ year, perMemberFen: Number((share * 3n) / 2n) }],
      excludedCategories: [],
    });
    session.userId = buyer;
    const results = await Promise.all([
      submitPurchaseOrderAction(null, union('GJ0019 20')),
      submitPurchaseOrderAction(null, union('GJ0019 20')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)?.error).toMatch(/^超出工会经费人均标准/);
  });

  it('canteen money is not held to the union rules', async () => {
    await setRules({ windows: [], allowances: [], excludedCategories: ['grain-oil', 'embroidery'] });
    session.userId = buyer;
    const r = await submitPurchaseOrderAction(null, purchaseOrderForm(unitId, { lines: `${embroideryCode} 5` }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const orderNo = (r as unknown as { data: { orderNo: string } }).data.orderNo;
    expect(await scalar(sql`select fund_source from orders where order_no = ${orderNo}`)).toBe('canteen');
  });

  it('a fund source that is none of the three is refused, nothing written', async () => {
    const before = await written();
    const r = await submit('GJ0019 20', { fundSource: 'slush' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { fundSource: '请选择经费来源' } });
    expect(await written()).toBe(before);
  });
});

describe('the union rules are the office’s, audited', () => {
  it('adds a window, refuses an overlapping one, and records who changed what', async () => {
    await setRules({ windows: [], allowances: [], excludedCategories: [] });
    session.userId = admin;
    const w = { festival: '国庆', from: '2031-10-01', to: '2031-10-07' };
    expect(await addFestivalWindowAction(null, w)).toMatchObject({ ok: true });
    const clash = await addFestivalWindowAction(null, { festival: '中秋', from: '2031-10-05', to: '2031-10-09' });
    expect(clash).toMatchObject({
      ok: false,
      code: 'conflict',
      error: '与已设时段“国庆 2031-10-01 至 2031-10-07”重叠',
    });
    expect(
      await addFestivalWindowAction(null, { festival: '春节', from: '2031-02-20', to: '2031-02-01' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { to: '结束日期不能早于开始日期' },
    });
    expect(
      await saveUnionAllowanceAction(null, { year: '2031', perMember: '¥1,200', excluded: 'embroidery' }),
    ).toMatchObject({ ok: true });
    const [rules] = rowsOf<{ value: UnionRules }>(
      await getDb().execute(sql`select value from settings where key = ${UNION_RULES_SETTING}`),
    );
    expect(rules!.value).toEqual({
      windows: [w],
      allowances: [{ year: 2031, perMemberFen: 120_000 }],
      excludedCategories: ['embroidery'],
    });
    const audits = rowsOf<{ action: string; actor: string }>(
      await getDb().execute(
        sql`select action, actor_user_id as actor from audit_log where entity_id = ${UNION_RULES_SETTING} order by id`,
      ),
    );
    expect(audits.slice(-2)).toEqual([
      { action: 'union.window_add', actor: admin },
      { action: 'union.allowance', actor: admin },
    ]);
  });

  it('a unit buyer cannot change them', async () => {
    session.userId = buyer;
    const before = await scalar(sql`select count(*) from audit_log`);
    const r = await addFestivalWindowAction(null, { festival: '春节', from: '2032-02-01', to: '2032-02-10' });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await scalar(sql`select count(*) from audit_log`)).toBe(before);
  });
});
