import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { CHINA_OFFSET_MS } from '@/domain/time';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { welfareOrder } from '@/scripts/test-support/recipients';

/**
 * Issue 15: exports people can add up. Every XLSX of the unit portal and /admin is opened with a spreadsheet
 * library: money cells are numbers with a ¥ format and their SUM is the page's figure; times are China time;
 * the unit's export lists the recipients of its welfare orders (masked).
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));
useSeededDatabase();

const ids = { unit: '', admin: '' };
beforeAll(async () => {
  for (const [k, email] of [
    ['unit', 'unit@example.com'],
    ['admin', 'admin@example.com'],
  ] as const)
    ids[k] = rowsOf<{ id: string }>(await getDb().execute(sql`select id from users where email = ${email}`))[0]!.id;
});

async function open(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}
/** The cells of one column under its header, by the header's text. */
function column(ws: ExcelJS.Worksheet, header: string): ExcelJS.Cell[] {
  const col = (ws.getRow(1).values as unknown[]).indexOf(header);
  expect(col, header).toBeGreaterThan(0);
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow((row, n) => void (n > 1 && cells.push(row.getCell(col))));
  return cells;
}
/** SUM as a spreadsheet computes it (numbers only; text counts 0), in fen. */
const sumFen = (cells: ExcelJS.Cell[]) =>
  Math.round(cells.reduce((s, c) => s + (typeof c.value === 'number' ? c.value : 0), 0) * 100);
const expectMoney = (cells: ExcelJS.Cell[]) => {
  for (const c of cells.filter((x) => x.value !== null && x.value !== '')) {
    expect(typeof c.value, c.address).toBe('number');
    expect(c.numFmt).toContain('¥');
  }
};

describe('XLSX exports add up', () => {
  it('the unit’s export: money as ¥ numbers summing to the order, China-time dates, and a 收货人 sheet', async () => {
    const { orderNo, orderId } = await welfareOrder('paid');
    const { ship } = { ship: (await import('@/lib/orders/recipients')).shipParcel };
    const supplierA = rowsOf<{ id: number }>(
      await getDb().execute(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`),
    )[0]!.id;
    await ship({
      orderNo,
      supplierId: supplierA,
      recipientNo: 2,
      carrier: '顺丰速运',
      trackingNo: 'SF90000002',
      actorId: ids.admin,
    });
    const [order] = rowsOf<{ items_fen: string; created_at: Date | string; total: string }>(
      await getDb().execute(
        sql`select items_fen::text, created_at, (select sum(line_total_fen)::text from order_items where order_id = o.id) as total from orders o where id = ${orderId}`,
      ),
    );
    const { GET } = await import('@/app/unit/export.xlsx/route');
    session.userId = ids.unit;
    const wb = await open(await GET());
    const lines = wb.getWorksheet('采购明细')!;
    const mine = (cells: ExcelJS.Cell[]) =>
      cells.filter((c) => lines.getRow(Number(c.row)).getCell(1).value === orderNo);
    const amounts = mine(column(lines, '金额（元）'));
    expect(amounts).toHaveLength(2);
    expectMoney(column(lines, '金额（元）'));
    expectMoney(column(lines, '单价（元）'));
    expect(sumFen(amounts)).toBe(Number(order!.items_fen));
    expect(sumFen(amounts)).toBe(Number(order!.total));
    // The whole column adds up to every line the unit bought.
    const all = rowsOf<{ s: string }>(
      await getDb().execute(
        sql`select coalesce(sum(oi.line_total_fen), 0)::text as s from order_items oi join orders o on o.id = oi.order_id where o.unit_id = (select unit_id from unit_members where user_id = ${ids.unit} limit 1)`,
      ),
    )[0]!.s;
    expect(sumFen(column(lines, '金额（元）'))).toBe(Number(all));
    const when = mine(column(lines, '下单时间'))[0]!;
    expect(when.value).toBeInstanceOf(Date);
    expect((when.value as Date).getTime()).toBe(new Date(order!.created_at).getTime() + CHINA_OFFSET_MS);
    expect(when.numFmt).toBe('yyyy-mm-dd hh:mm');

    const people = wb.getWorksheet('收货人')!;
    const rows: unknown[][] = [];
    people.eachRow(
      (r, n) => void (n > 1 && r.getCell(1).value === orderNo && rows.push((r.values as unknown[]).slice(1, 11))),
    );
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual([
      '' + orderNo,
      1,
      '张*',
      '139****0001',
      '个旧市金湖东****',
      '马缨花刺绣胸针',
      '直径 5cm',
      2,
      '待发货',
      '',
    ]);
    expect(rows[1]!.slice(8, 10)).toEqual(['顺丰速运', 'SF90000002']);
    expect(JSON.stringify(rows)).not.toContain('张三');
  });

  it('the office’s pledges export: paid purchases sum to the page’s figures, to the fen', async () => {
    const { GET } = await import('@/app/admin/pledges/export/route');
    const { listPledgeProgress } = await import('@/db/queries/programme');
    const { chinaYear } = await import('@/domain/time');
    session.userId = ids.admin;
    const ws = (await open(await GET(new Request('http://x/admin/pledges/export')))).worksheets[0]!;
    const paid = column(ws, '已付款采购（元）');
    expectMoney(paid);
    expectMoney(column(ws, `${chinaYear()} 年认购目标（元）`));
    const page = await listPledgeProgress({ year: chinaYear() });
    expect(paid).toHaveLength(page.length);
    expect(sumFen(paid)).toBe(Number(page.reduce((s, r) => s + r.paidFen, 0n)));
    expect(sumFen(paid)).toBeGreaterThan(0);
    // The CSV keeps yuan text to the fen.
    const csv = await (await GET(new Request('http://x/admin/pledges/export?format=csv'))).text();
    expect(csv).toMatch(/,\d+(\.\d{2})?\r\n/);
  });

  it('the office’s impact export: the total row is the dashboard’s figure and the channels add up to it', async () => {
    const { GET } = await import('@/app/admin/impact/export/route');
    const { getImpact } = await import('@/db/queries/impact');
    session.userId = ids.admin;
    const ws = (await open(await GET(new Request('http://x/admin/impact/export')))).worksheets[0]!;
    const counted = column(ws, '计入目标（元）');
    expectMoney(counted);
    expectMoney(column(ws, '退款（元）'));
    const impact = await getImpact({ withUnits: true });
    expect(Math.round((counted[0]!.value as number) * 100)).toBe(Number(impact.countedFen));
    const channels = counted.filter((c) => ws.getRow(Number(c.row)).getCell(1).value === '渠道');
    expect(sumFen(channels)).toBe(Number(impact.countedFen));
    expect(typeof column(ws, '计入目标（分）')[0]!.value).toBe('number');
  });
});
