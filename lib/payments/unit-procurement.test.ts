import { CHINA_OFFSET_MS } from '@/domain/time';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { purchaseOrderForm, scalar, seededUserId } from '@/scripts/test-support/orders';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { submitPurchaseOrderAction, decidePurchaseOrderAction } = await import('@/lib/actions/unit-orders');
const { confirmTransferAction } = await import('@/lib/actions/payments');
const { pledgeProgress } = await import('@/db/queries/programme');
const { ledgerTotals } = await import('@/db/queries/ledger');
useSeededDatabase();

let buyer = '';
let approver = '';
let admin = '';
let unitId = '';
const form = (extra: Record<string, unknown>) => purchaseOrderForm(unitId, extra);
const csvFile = (lines: string[]) =>
  new File(['\uFEFF商品编码,数量,收货人,手机号,收货地址\r\n' + lines.join('\r\n')], 'order.csv', { type: 'text/csv' });

beforeAll(async () => {
  buyer = await seededUserId('unit@example.com');
  approver = await seededUserId('approver@example.com');
  admin = await seededUserId('admin@example.com');
  unitId = rowsOf<{ unit_id: string }>(
    await getDb().execute(sql`select unit_id from unit_members where user_id = ${buyer}`),
  )[0]!.unit_id;
  await getDb().execute(sql`update products set stock = 1000000 where status = 'listed'`);
});

describe('unit procurement', () => {
  it('imports a 5,000-row sheet with recipients completely', async () => {
    session.userId = buyer;
    const codes = ['GJ0001', 'GJ0013', 'GJ0019', 'GJ0031', 'GJ0036'];
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `${codes[i % 5]},${1 + (i % 3)},收件人${i},139${String(i).padStart(8, '0')},个旧市金湖东路 ${i} 号`,
    );
    const r = await submitPurchaseOrderAction(null, form({ file: csvFile(lines) }));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    const orderNo = (r as unknown as { data: { orderNo: string } }).data.orderNo;
    expect(
      await scalar(
        sql`select count(*) from order_recipients r join orders o on o.id = r.order_id where o.order_no = ${orderNo}`,
      ),
    ).toBe('5000');
    expect(
      await scalar(
        sql`select sum(quantity) from order_items oi join orders o on o.id = oi.order_id where o.order_no = ${orderNo}`,
      ),
    ).toBe(String(lines.reduce((s, _, i) => s + 1 + (i % 3), 0)));
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_approval');
  }, 60_000);

  it('a bad row at row 4,999 imports nothing and names the row', async () => {
    session.userId = buyer;
    const before = await scalar(sql`select count(*) from orders`);
    const lines = Array.from({ length: 5000 }, (_, i) => (i === 4997 ? 'GJ0001,0' : 'GJ0001,1'));
    const r = await submitPurchaseOrderAction(null, form({ file: csvFile(lines) }));
    expect(r.ok).toBe(false);
    expect((r as unknown as { fieldErrors: Record<string, string> }).fieldErrors.lines).toContain('第 4999 行');
    expect(await scalar(sql`select count(*) from orders`)).toBe(before);
  });

  it('refuses other file types, formulas and macros with a Chinese message', async () => {
    session.userId = buyer;
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])], 'order.csv');
    expect(
      ((await submitPurchaseOrderAction(null, form({ file: png }))) as unknown as { error: string }).error,
    ).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['商品编码', '数量']);
    ws.addRow(['GJ0001', { formula: '1+1', result: 2 }]);
    const withFormula = new File([await wb.xlsx.writeBuffer()], 'order.xlsx');
    expect(
      ((await submitPurchaseOrderAction(null, form({ file: withFormula }))) as unknown as { error: string }).error,
    ).toContain('公式');
    const macro = new File(
      [Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/vbaProject.bin')])],
      'order.xlsm',
    );
    expect(
      ((await submitPurchaseOrderAction(null, form({ file: macro }))) as unknown as { error: string }).error,
    ).toContain('宏');
  });

  it('reads .xlsx, applies unit tier prices and the unit minimum', async () => {
    session.userId = buyer;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['商品编码', '数量']);
    ws.addRow(['GJ0019', 50]); // 蔓耗红河谷芒果 ¥69.00, 50+ tier: ¥62.10
    const ok = await submitPurchaseOrderAction(null, form({ file: new File([await wb.xlsx.writeBuffer()], 'o.xlsx') }));
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true });
    const orderNo = (ok as unknown as { data: { orderNo: string } }).data.orderNo;
    expect(
      await scalar(
        sql`select unit_price_fen from order_items oi join orders o on o.id = oi.order_id where o.order_no = ${orderNo}`,
      ),
    ).toBe('6210');
    const below = await submitPurchaseOrderAction(null, form({ lines: 'GJ0019 3' })); // minimum 10
    expect((below as unknown as { fieldErrors: Record<string, string> }).fieldErrors.lines).toContain('起订量');
  });

  it('approval, a short transfer, then one too large: paid, the excess in 待处理款项, pledge and city total up by exactly the order total', async () => {
    session.userId = buyer;
    const placed = await submitPurchaseOrderAction(null, form({ lines: 'GJ0025 10\nGJ0001 2' }));
    const orderNo = (placed as unknown as { data: { orderNo: string } }).data.orderNo;
    const total = BigInt(await scalar(sql`select total_fen from orders where order_no = ${orderNo}`));
    const year = Number(new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 4));
    const pledgeBefore = (await pledgeProgress({ unitId, year })).paidFen;
    const cityBefore = (await ledgerTotals()).countedFen;

    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    }); // the buyer itself
    session.userId = approver;
    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'approve' })).toMatchObject({ ok: true });
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_payment');

    const transfer = (amount: string, requestId: string = randomUUID()) =>
      confirmTransferAction(null, { orderNo, amount, requestId });
    expect(await transfer('1')).toMatchObject({ ok: false, code: 'forbidden' }); // a unit never confirms
    session.userId = admin;
    const half = total / 2n;
    const yuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
    const once = randomUUID();
    expect(await transfer(yuan(half), once)).toMatchObject({ ok: true });
    expect(await transfer(yuan(half), once)).toMatchObject({ ok: true }); // the same form submitted twice
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('pending_payment');
    expect(await scalar(sql`select paid_fen from orders where order_no = ${orderNo}`)).toBe(String(half));
    // The rest and one yuan more: the order is paid with its total, the yuan waits in 待处理款项.
    expect(await transfer(yuan(total - half + 100n))).toMatchObject({
      ok: true,
      message: expect.stringContaining('待处理款项'),
    });
    expect(await scalar(sql`select status from orders where order_no = ${orderNo}`)).toBe('paid');
    expect(await scalar(sql`select paid_fen from orders where order_no = ${orderNo}`)).toBe(String(total));
    expect(
      await scalar(
        sql`select string_agg(state || ':' || amount_fen || ':' || coalesce(unmatched_reason, ''), ',' order by state, m.created_at) from payment_movements m join orders o on o.id = m.order_id where o.order_no = ${orderNo}`,
      ),
    ).toBe(`applied:${half}:,applied:${total - half}:,unmatched:100:overpayment`);
    expect(await transfer('1')).toMatchObject({ ok: false, code: 'conflict' }); // paid: no longer awaiting a transfer

    expect((await pledgeProgress({ unitId, year })).paidFen - pledgeBefore).toBe(total);
    expect((await ledgerTotals()).countedFen - cityBefore).toBe(total); // both lines certified, free shipping
    expect(await scalar(sql`select channel from orders where order_no = ${orderNo}`)).toBe('round'); // the current demo round
  });

  it('exports: the office gets every unit (and the 未完成 list); others get 403; a unit gets its own purchases', async () => {
    const { GET: pledgesExport } = await import('@/app/admin/pledges/export/route');
    const { GET: unitExport } = await import('@/app/unit/export.xlsx/route');
    session.userId = buyer;
    expect((await pledgesExport(new Request('http://x/admin/pledges/export'))).status).toBe(403);
    const mine = await unitExport();
    expect(mine.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await mine.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).text).toBe('订单号');
    expect(wb.worksheets[0]!.actualRowCount).toBeGreaterThan(1);
    session.userId = admin;
    const csv = await (await pledgesExport(new Request('http://x/admin/pledges/export?format=csv'))).text();
    expect(csv).toContain('个旧市示范机关事务服务中心（演示）');
    expect(csv.split('\r\n')[0]).toContain('认购目标（元）');
    expect((await pledgesExport(new Request('http://x/admin/pledges/export?format=pdf'))).status).toBe(400);
    session.userId = null;
    expect((await unitExport()).status).toBe(401);
  });

  it('rejection releases the held stock', async () => {
    session.userId = buyer;
    const stock = Number(await scalar(sql`select stock from products where code = 'GJ0036'`));
    const placed = await submitPurchaseOrderAction(null, form({ lines: 'GJ0036 12' }));
    const orderNo = (placed as unknown as { data: { orderNo: string } }).data.orderNo;
    expect(Number(await scalar(sql`select stock from products where code = 'GJ0036'`))).toBe(stock - 12);
    session.userId = approver;
    expect(await decidePurchaseOrderAction(null, { orderNo, decision: 'reject', reason: '数量有误' })).toMatchObject({
      ok: true,
    });
    expect(Number(await scalar(sql`select stock from products where code = 'GJ0036'`))).toBe(stock);
  });
});
