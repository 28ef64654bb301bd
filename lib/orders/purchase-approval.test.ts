import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { purchaseOrderForm, scalar, seededUserId } from '@/scripts/test-support/orders';

/**
 * Issue 15 (unit, approver, office): the preview before 提交采购单, uncertified lines kept only when
 * ticked (server-side), the approver's decision (never one's own, once, one of two at once), the office's
 * queue only when no approver of the unit may decide, the payee account (office only, audited), and the
 * office's 确认到账 as people type amounts.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const {
  previewPurchaseOrderAction,
  submitPurchaseOrderAction,
  decidePurchaseOrderAction,
  officeDecidePurchaseOrderAction,
} = await import('@/lib/actions/unit-orders');
const { confirmTransferAction } = await import('@/lib/actions/payments');
const { savePayeeAction } = await import('@/lib/actions/site');
const { getPayee } = await import('@/lib/programme/settings');
const { factsFromJson } = await import('@/domain/purchase-order');
const { officeApprovalQueue, purchaseOrderForViewer } = await import('@/lib/orders/purchase-orders');
useSeededDatabase();

const id = seededUserId;
let buyer = '';
let approver = '';
let admin = '';
let unitId = '';
const form = (extra: Record<string, unknown>) => purchaseOrderForm(unitId, extra);
const orders = () => scalar(sql`select count(*) from orders`);
const audits = (action: string, entityId: string) =>
  scalar(sql`select count(*) from audit_log where action = ${action} and entity_id = ${entityId}`);
const orderNoOf = (r: unknown) => (r as { data: { orderNo: string } }).data.orderNo;

async function submitted(lines = 'GJ0019 20', userId = buyer, unit = unitId): Promise<string> {
  session.userId = userId;
  const r = await submitPurchaseOrderAction(null, form({ lines, unitId: unit }));
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return orderNoOf(r);
}

/** A verified unit whose only member is one buyer (its administrator): nobody there may approve. */
async function loneBuyerUnit(): Promise<{ unit: string; user: string }> {
  const tag = randomUUID().slice(0, 8);
  const [u] = rowsOf<{ id: string }>(
    await getDb().execute(
      sql`insert into units (name, credit_code, type, contact_name, status, verified_at) values (${'单人单位' + tag}, ${'LONE' + tag}, 'other', '独', 'verified', now()) returning id`,
    ),
  );
  const [p] = rowsOf<{ id: string }>(
    await getDb().execute(
      sql`insert into users (email, name, password_hash) values (${`lone-${tag}@example.com`}, '独自采购', 'x') returning id`,
    ),
  );
  await getDb().execute(
    sql`insert into unit_members (unit_id, user_id, role, is_admin) values (${u!.id}, ${p!.id}, 'buyer', true)`,
  );
  return { unit: u!.id, user: p!.id };
}

beforeAll(async () => {
  buyer = await id('unit@example.com');
  approver = await id('approver@example.com');
  admin = await id('admin@example.com');
  unitId = rowsOf<{ unit_id: string }>(
    await getDb().execute(sql`select unit_id from unit_members where user_id = ${buyer}`),
  )[0]!.unit_id;
  await getDb().execute(sql`update products set stock = 1000000 where status = 'listed'`);
});

describe('preview before 提交采购单', () => {
  it('prices what people type (full-width digits, Chinese commas) and writes nothing', async () => {
    session.userId = buyer;
    const before = await orders();
    const r = await previewPurchaseOrderAction(null, form({ lines: 'GJ0036，５０\nＧＪ００１９\t２０\nGJ0040、1' }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const facts = factsFromJson((r as unknown as { data: { facts: string } }).data.facts);
    expect(facts.lines.map((l) => [l.code, l.quantity, l.certified])).toEqual([
      ['GJ0036', 50, true],
      ['GJ0019', 20, true],
      ['GJ0040', 1, false],
    ]);
    expect(facts.submitterName).toBeTruthy();
    expect(facts.officeApproval).toBe(false);
    expect(facts.totalFen).toBe(facts.lines.reduce((s, l) => s + l.lineTotalFen, 0n) + facts.shippingFen);
    expect(await orders()).toBe(before);
  });
  it('names the bad lines by the number the person sees; nothing is written', async () => {
    session.userId = buyer;
    const r = await previewPurchaseOrderAction(null, form({ lines: 'GJ0036 50\n\nGJ99 x' }));
    expect(r.ok).toBe(false);
    expect((r as { fieldErrors: Record<string, string> }).fieldErrors.lines).toContain('第 3 行：商品编码格式不正确');
  });
});

describe('malformed and oversized input is refused in Chinese, writing nothing', () => {
  it('a code box past 200,000 characters, thousands of ticks, a tick that is not text', async () => {
    session.userId = buyer;
    const before = await orders();
    const huge = await previewPurchaseOrderAction(null, form({ lines: 'GJ0019 1\n'.repeat(30_000) }));
    expect(huge).toMatchObject({ ok: false, fieldErrors: { lines: '内容过长' } });
    const ticks = Array.from({ length: 5001 }, (_, i) => `slug-${i}`);
    const many = await submitPurchaseOrderAction(null, form({ lines: 'GJ0019 20', keep: ticks }));
    expect(many).toMatchObject({ ok: false, code: 'invalid_input' });
    const odd = await submitPurchaseOrderAction(null, form({ lines: 'GJ0019 20', keep: { slug: 'x' } }));
    expect(odd).toMatchObject({ ok: false, fieldErrors: { keep: '勾选无效' } });
    // Another unit's id: refused before anything is read or written.
    const foreign = await previewPurchaseOrderAction(null, form({ unitId: randomUUID(), lines: 'GJ0019 20' }));
    expect(foreign).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await orders()).toBe(before);
  });
});

describe('uncertified lines (不计入认购) need a tick, on the server', () => {
  it('refuses an order holding an unticked uncertified line, writing nothing', async () => {
    session.userId = buyer;
    const before = await orders();
    const stock = await scalar(sql`select stock from products where code = 'GJ0040'`);
    const r = await submitPurchaseOrderAction(null, form({ lines: 'GJ0019 20\nGJ0040 1' }));
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toContain('干香菇');
    expect((r as { error: string }).error).toContain('不计入认购');
    // A tick on another product (even a certified one) keeps nothing.
    const other = await submitPurchaseOrderAction(
      null,
      form({ lines: 'GJ0019 20\nGJ0040 1', keep: ['baohe-tartary-buckwheat', 'laochang-dried-mushroom'] }),
    );
    expect(other.ok).toBe(false);
    expect(await orders()).toBe(before);
    expect(await scalar(sql`select stock from products where code = 'GJ0040'`)).toBe(stock);
  });
  it('keeps it when ticked, recorded as not counted', async () => {
    session.userId = buyer;
    const r = await submitPurchaseOrderAction(
      null,
      form({ lines: 'GJ0019 20\nGJ0040 1', keep: 'laochang-dried-mushrooms' }),
    );
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    expect(
      await scalar(
        sql`select certified_at_sale from order_items oi join orders o on o.id = oi.order_id join products p on p.id = oi.product_id where o.order_no = ${orderNoOf(r)} and p.code = 'GJ0040'`,
      ),
    ).toBe('false');
  });
});

describe('the approver decides, with the facts, once', () => {
  it('shows the approver every line, the submitter and the recipients count', async () => {
    session.userId = buyer;
    const file = new File(
      [
        '商品编码,数量,收货人,手机号,收货地址\r\nGJ0036,１,李秀英,13912345678,个旧市金湖东路 88 号\r\nGJ0036,1,王芳,13912345679,个旧市金湖东路 89 号\r\n',
      ],
      'r.csv',
      { type: 'text/csv' },
    );
    const r = await submitPurchaseOrderAction(null, form({ file }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const viewer = { id: approver, role: 'buyer', unitMemberships: [{ unitId }] };
    const view = await purchaseOrderForViewer({ orderNo: orderNoOf(r), viewer, as: 'unit' });
    expect(view?.decides).toBe('unit');
    expect(view?.facts.recipientsCount).toBe(2);
    expect(view?.facts.lines.map((l) => [l.code, l.quantity])).toEqual([['GJ0036', 2]]);
    expect(view?.facts.submitterName).toBe(await scalar(sql`select name from users where id = ${buyer}`));
    // The buyer who submitted it sees it, but may not decide it; another unit's member does not see it.
    expect(
      (await purchaseOrderForViewer({ orderNo: orderNoOf(r), viewer: { ...viewer, id: buyer }, as: 'unit' }))?.decides,
    ).toBeNull();
    const stranger = { id: admin, role: 'buyer', unitMemberships: [{ unitId: randomUUID() }] };
    expect(await purchaseOrderForViewer({ orderNo: orderNoOf(r), viewer: stranger, as: 'unit' })).toBeNull();
  });
  it('refuses self-approval', async () => {
    const orderNo = await submitted();
    session.userId = buyer;
    const r = await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_approval');
  });
  it('a replayed 通过 has no second effect', async () => {
    const orderNo = await submitted();
    session.userId = approver;
    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({ ok: true });
    const due = await scalar(sql`select due_at from orders where order_no = ${orderNo}`);
    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'reject', reason: '重复点击' })).toMatchObject({
      ok: false,
    });
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_payment');
    expect(await scalar(sql`select due_at from orders where order_no = ${orderNo}`)).toBe(due);
    expect(await audits('po.approve', orderNo)).toBe('1');
  });
  it('two decisions at once: exactly one applies', async () => {
    const orderNo = await submitted();
    session.userId = approver;
    const stockBefore = await scalar(sql`select stock from products where code = 'GJ0019'`);
    const results = await Promise.all([
      decidePurchaseOrderAction(null, { orderNo, decision: 'approve' }),
      decidePurchaseOrderAction(null, { orderNo, decision: 'approve' }),
      decidePurchaseOrderAction(null, { orderNo, decision: 'reject', reason: '同时驳回' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const decided = Number(await audits('po.approve', orderNo)) + Number(await audits('po.reject', orderNo));
    expect(decided).toBe(1);
    const status = await scalar(sql`select status from orders where order_no = ${orderNo}`);
    const stockAfter = await scalar(sql`select stock from products where code = 'GJ0019'`);
    // A rejection released the stock once (20), an approval kept it held.
    expect(Number(stockAfter) - Number(stockBefore)).toBe(status === 'cancelled' ? 20 : 0);
  });
});

describe("the office's queue: only when no approver of the unit may decide", () => {
  it('a lone buyer is told at submission; the office decides, the unit cannot', async () => {
    const lone = await loneBuyerUnit();
    session.userId = lone.user;
    const preview = await previewPurchaseOrderAction(null, form({ unitId: lone.unit, lines: 'GJ0019 20' }));
    expect(factsFromJson((preview as unknown as { data: { facts: string } }).data.facts).officeApproval).toBe(true);
    const r = await submitPurchaseOrderAction(null, form({ unitId: lone.unit, lines: 'GJ0019 20' }));
    expect(r).toMatchObject({ ok: true, data: { approval: 'office' } });
    expect((r as { message: string }).message).toContain('消费扶贫办公室审批');
    const orderNo = orderNoOf(r);
    const queued = (await officeApprovalQueue()).find((q) => q.orderNo === orderNo);
    expect(queued?.officeDecides).toBe(true);
    expect(queued?.facts?.lines.map((l) => l.code)).toEqual(['GJ0019']);
    // The demo unit's approver is not of this unit.
    session.userId = approver;
    expect((await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).ok).toBe(false);
    // The office: a rejection needs a reason; then 通过, audited as the office's, once.
    session.userId = admin;
    expect((await officeDecidePurchaseOrderAction(null, { orderNo, decision: 'reject' })).ok).toBe(false);
    expect(await officeDecidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({ ok: true });
    expect(await officeDecidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({ ok: false });
    expect(await audits('po.office_approve', orderNo)).toBe('1');
  });
  it('the office may not decide an order its unit has an approver for', async () => {
    const orderNo = await submitted();
    session.userId = admin;
    expect(await officeDecidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect((await officeApprovalQueue()).find((q) => q.orderNo === orderNo)?.officeDecides).toBe(false);
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_approval');
  });
});

describe('payee account (收款账户)', () => {
  const payee = {
    accountName: '个旧市消费帮扶商城运营中心（演示）',
    bank: '中国农业银行个旧市支行（演示）',
    accountNo: '6228 4800 1234 5678 901',
  };
  it('only the office sets it; others change nothing', async () => {
    for (const who of [null, buyer, approver]) {
      session.userId = who;
      const r = await savePayeeAction(null, { ...payee, accountNo: '6222 0000 0000 0000' });
      expect(r.ok).toBe(false);
    }
    expect(await scalar(sql`select count(*) from settings where key = 'payee.account'`)).toBe('0');
    expect(await getPayee()).toEqual({ accountName: '', bank: '', accountNo: '' });
  });
  it('refuses a malformed account in Chinese', async () => {
    session.userId = admin;
    const r = await savePayeeAction(null, { ...payee, accountNo: '6228-abc' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { accountNo: '账号只能包含数字，可用空格或短横线分组' } });
    const short = await savePayeeAction(null, { ...payee, accountNo: '1234' });
    expect(short).toMatchObject({ ok: false, fieldErrors: { accountNo: '账号须为 8 到 30 位数字' } });
    expect(await scalar(sql`select count(*) from settings where key = 'payee.account'`)).toBe('0');
  });
  it('the office sets and changes it, each change audited with the account it replaced', async () => {
    session.userId = admin;
    expect(await savePayeeAction(null, payee)).toMatchObject({ ok: true });
    expect(await getPayee()).toEqual(payee);
    expect(await savePayeeAction(null, { ...payee, accountNo: '6228480099998888' })).toMatchObject({ ok: true });
    const rows = rowsOf<{ data: { before: { accountNo: string }; after: { accountNo: string } } }>(
      await getDb().execute(
        sql`select data from audit_log where action = 'payee.set' and actor_user_id = ${admin} order by created_at desc, id desc limit 1`,
      ),
    );
    expect(rows[0]!.data.before.accountNo).toBe(payee.accountNo);
    expect(rows[0]!.data.after.accountNo).toBe('6228480099998888');
    expect(await audits('payee.set', 'payee.account')).toBe('2');
  });
});

describe('确认到账 as the office types it', () => {
  it('takes "3,000.00"-style amounts and refuses ambiguous ones without writing', async () => {
    const orderNo = await submitted('GJ0019 20');
    session.userId = approver;
    await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' });
    session.userId = admin;
    const movements = () => scalar(sql`select count(*) from payment_movements`);
    const before = await movements();
    for (const amount of ['3,00', '1.000,50', '3,5']) {
      const r = await confirmTransferAction(null, { orderNo, amount, requestId: randomUUID() });
      expect(r).toMatchObject({ ok: false, fieldErrors: { amount: expect.stringContaining('有歧义') } });
    }
    expect(await movements()).toBe(before);
    const total = BigInt(await scalar(sql`select total_fen from orders where order_no = ${orderNo}`));
    const yuan = `¥${(total / 100n).toLocaleString('en-US')}.${String(total % 100n).padStart(2, '0')}`;
    expect(await confirmTransferAction(null, { orderNo, amount: yuan, requestId: randomUUID() })).toMatchObject({
      ok: true,
    });
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('paid');
  });
});
