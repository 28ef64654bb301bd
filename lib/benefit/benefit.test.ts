import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { getYearBenefitFigures } from '@/db/queries/benefit-figures';
import { chinaDate, chinaYear } from '@/domain/time';
import { recordPayoutSchema } from '@/lib/validation/benefit';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { guestOrder } from '@/scripts/test-support/orders';
import { issueConfirmCodes } from './confirm-codes';
import { declareDividendRule, dividendStatement } from './dividends';
import { registerHousehold, revealHousehold } from './households';
import { confirmPayout, recordPayout, returnPayout, verifyPayout, voidPayout } from './payouts';

useSeededDatabase();

const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(s));
const ids = { supplier: 0, otherSupplier: 0, manager: '', admin: '', product: 0 };
let n = 0;
const code = () => `TS-${String(++n).padStart(4, '0')}`;
const today = chinaDate();

const household = (extra: Partial<Parameters<typeof registerHousehold>[0]['fields']> = {}) =>
  registerHousehold({
    supplierId: ids.supplier,
    actorId: ids.manager,
    fields: {
      code: code(),
      townshipSlug: 'datun',
      village: '幸福社区',
      category: 'poverty_lifted',
      members: 4,
      channels: ['employment', 'dividend'],
      shares: 1,
      ...extra,
    },
    personal: { name: '测试农户甲', idNumber: '11010519491231002X' },
  });

const payout = (fields: Record<string, string>) =>
  recordPayout({
    supplierId: ids.supplier,
    actorId: ids.manager,
    receipt: null,
    input: recordPayoutSchema.parse({ supplierId: String(ids.supplier), paidOn: today, method: 'bank', ...fields }),
  });

beforeAll(async () => {
  const [s] = await q<{ id: number }>(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`);
  const [o] = await q<{ id: number }>(sql`select id from suppliers where slug = 'jijie-vegetable-coop'`);
  const [m] = await q<{ id: string }>(sql`select id from users where email = 'workshop@example.com'`);
  const [a] = await q<{ id: string }>(sql`select id from users where email = 'admin@example.com'`);
  const [p] = await q<{ id: number }>(sql`select id from products where slug = 'yi-embroidered-scarf'`);
  Object.assign(ids, { supplier: s!.id, otherSupplier: o!.id, manager: m!.id, admin: a!.id, product: p!.id });
});

describe('household register', () => {
  it('stores the name and ID number encrypted, and audits every reveal without them', async () => {
    const id = await household();
    const [row] = await q<{ name_enc: Uint8Array; id_number_enc: Uint8Array }>(
      sql`select name_enc, id_number_enc from households where id = ${id}`,
    );
    expect(Buffer.from(row!.name_enc).toString('utf8')).not.toContain('测试农户甲');
    expect(Buffer.from(row!.id_number_enc).toString('latin1')).not.toContain('11010519491231002X');
    expect(await revealHousehold({ householdId: id, actorId: ids.admin })).toEqual({
      name: '测试农户甲',
      idNumber: '11010519491231002X',
    });
    const audit = await q<{ data: unknown }>(
      sql`select data from audit_log where action = 'household.reveal' and entity_id = ${String(id)}`,
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toMatch(/测试农户甲|11010519491231002X/);
  });

  it('refuses a code already in the register, writing nothing', async () => {
    const id = await household();
    const [{ code: taken }] = (await q<{ code: string }>(sql`select code from households where id = ${id}`)) as [
      { code: string },
    ];
    const before = await q<{ n: number }>(sql`select count(*)::int as n from households`);
    await expect(household({ code: taken })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await q(sql`select count(*)::int as n from households`)).toEqual(before);
  });
});

describe('payouts', () => {
  it('computes piece-rate pay from quantity × rate and counts it only once verified', async () => {
    const h = await household();
    const year = chinaYear();
    const before = await getYearBenefitFigures({ year });
    const r = await payout({
      householdId: String(h),
      kind: 'piece_rate',
      productId: String(ids.product),
      quantity: '12',
      unitRate: '35.50',
    });
    expect(r).toMatchObject({ status: 'submitted', amountFen: 42600n });
    expect((await getYearBenefitFigures({ year })).paidFen).toBe(before.paidFen);
    await verifyPayout({ payoutId: r.id, actorId: ids.admin });
    const after = await getYearBenefitFigures({ year });
    expect(after.paidFen - before.paidFen).toBe(42600n);
    expect(after.reached - before.reached).toBe(1);
    expect(after.poverty - before.poverty).toBe(1);
    // Verified is final: neither returned nor voided afterwards.
    await expect(returnPayout({ payoutId: r.id, actorId: ids.admin, reason: 'x' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('refuses another supplier’s product, an unpaid order, and a future date', async () => {
    const h = String(await household());
    const [other] = await q<{ id: number }>(sql`select id from products where slug = 'jijie-tomatoes'`);
    const base = { householdId: h, kind: 'piece_rate', quantity: '1', unitRate: '10' };
    await expect(payout({ ...base, productId: String(other!.id) })).rejects.toMatchObject({
      fields: { productId: expect.any(String) },
    });
    await expect(
      payout({ ...base, productId: String(ids.product), orderNo: 'GJ20200101-000001' }),
    ).rejects.toMatchObject({ fields: { orderNo: expect.any(String) } });
    await expect(payout({ ...base, productId: String(ids.product), paidOn: '2099-01-01' })).rejects.toMatchObject({
      fields: { paidOn: expect.any(String) },
    });
  });

  it('cash waits for the household’s code or a second manager; five wrong codes lock the code', async () => {
    const h = await household();
    const [sheet] = await issueConfirmCodes({ actorId: ids.admin, townshipSlug: 'datun', householdIds: [h] });
    expect(sheet!.confirmCode).toMatch(/^\d{8}$/);
    const wage = { householdId: String(h), kind: 'day_wage', quantity: '2', unitRate: '100', method: 'cash' };
    const withCode = await payout({ ...wage, confirmCode: sheet!.confirmCode });
    expect(withCode.status).toBe('submitted');

    const pending = await payout(wage);
    expect(pending.status).toBe('awaiting_confirmation');
    await expect(verifyPayout({ payoutId: pending.id, actorId: ids.admin })).rejects.toMatchObject({
      code: 'conflict',
    });
    // The one who recorded it cannot sign it off alone.
    await expect(
      confirmPayout({ payoutId: pending.id, supplierId: ids.supplier, actorId: ids.manager, code: null }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    const wrong = sheet!.confirmCode === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i++)
      await expect(
        confirmPayout({ payoutId: pending.id, supplierId: ids.supplier, actorId: ids.manager, code: wrong }),
      ).rejects.toMatchObject({ fields: { confirmCode: expect.stringContaining('确认码') } });
    await expect(
      confirmPayout({ payoutId: pending.id, supplierId: ids.supplier, actorId: ids.manager, code: sheet!.confirmCode }),
    ).rejects.toMatchObject({ fields: { confirmCode: expect.stringContaining('锁定') } });
    // A second manager signs it off.
    const [second] = await q<{ id: string }>(
      sql`insert into users (email, name, password_hash, role) values ('second-manager@example.com', '第二管理员', 'x', 'supplier_manager') returning id`,
    );
    await getDb().execute(
      sql`insert into supplier_members (supplier_id, user_id) values (${ids.supplier}, ${second!.id})`,
    );
    await confirmPayout({ payoutId: pending.id, supplierId: ids.supplier, actorId: second!.id, code: null });
    await verifyPayout({ payoutId: pending.id, actorId: ids.admin });
    const [row] = await q<{ status: string; confirmation: string }>(
      sql`select status, confirmation from payouts where id = ${pending.id}`,
    );
    expect(row).toEqual({ status: 'verified', confirmation: 'second_manager' });
  });

  it('a returned payout can be voided by its supplier and never counts', async () => {
    const h = await household();
    const r = await payout({ householdId: String(h), kind: 'day_wage', quantity: '1', unitRate: '99' });
    await returnPayout({ payoutId: r.id, actorId: ids.admin, reason: '凭证不清' });
    await expect(
      voidPayout({ payoutId: r.id, supplierId: ids.otherSupplier, actorId: ids.manager }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await voidPayout({ payoutId: r.id, supplierId: ids.supplier, actorId: ids.manager });
    await expect(verifyPayout({ payoutId: r.id, actorId: ids.admin })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('dividends', () => {
  it('splits the pool exactly and refuses paying more than is due', async () => {
    const members = [await household({ shares: 1 }), await household({ shares: 2 })];
    const rule = await declareDividendRule({
      supplierId: ids.supplier,
      actorId: ids.manager,
      title: '测试分红',
      periodFrom: '2000-01-01',
      periodTo: today,
      shareBps: 333,
      split: 'shares',
    });
    const st = (await dividendStatement(rule.id))!;
    expect(st.members.reduce((s, m) => s + m.dueFen, 0n)).toBe(st.poolFen);
    const [{ fen }] = (await q<{ fen: string }>(
      sql`select coalesce(sum(amount_fen), 0)::text as fen from sales_ledger where supplier_id = ${ids.supplier} and counted`,
    )) as [{ fen: string }];
    expect(st.poolFen).toBe(BigInt(fen) > 0n ? (BigInt(fen) * 333n) / 10_000n : 0n);
    const mine = st.members.find((m) => m.householdId === members[1])!;
    const over = (Number(mine.dueFen) + 1) / 100;
    await expect(
      payout({
        householdId: String(members[1]),
        kind: 'dividend',
        dividendRuleId: String(rule.id),
        amount: String(over),
      }),
    ).rejects.toMatchObject({ fields: { amount: expect.stringContaining('超过应分金额') } });
  });

  it('two payouts of the whole due at once: one is recorded, the other refused; two verifications at once: one', async () => {
    const h = await household({ shares: 1 });
    await getDb().execute(sql`update products set stock = 1000 where id = ${ids.product}`);
    const { paySimulated } = await import('@/lib/payments/simulator');
    const o = await guestOrder([{ slug: 'yi-embroidered-scarf', quantity: 2 }]);
    await paySimulated({ orderNo: o.orderNo });
    const rule = await declareDividendRule({
      supplierId: ids.supplier,
      actorId: ids.manager,
      title: '并发测试',
      periodFrom: today,
      periodTo: today,
      shareBps: 1000,
      split: 'equal',
    });
    const due = (await dividendStatement(rule.id))!.members.find((m) => m.householdId === h)!.dueFen;
    expect(due).toBeGreaterThan(0n);
    const amount = `${due / 100n}.${String(due % 100n).padStart(2, '0')}`;
    const results = await Promise.allSettled(
      [1, 2].map(() => payout({ householdId: String(h), kind: 'dividend', dividendRuleId: String(rule.id), amount })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'invalid_input' } });
    const paid = (await dividendStatement(rule.id))!.members.find((m) => m.householdId === h)!.paidFen;
    expect(paid).toBe(due);

    const id = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number }>).value.id;
    const verdicts = await Promise.allSettled([1, 2].map(() => verifyPayout({ payoutId: id, actorId: ids.admin })));
    expect(verdicts.filter((v) => v.status === 'fulfilled')).toHaveLength(1);
    const audits = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'payout.verify' and entity_id = ${String(id)}`,
    );
    expect(audits[0]!.n).toBe(1);
  });
});
