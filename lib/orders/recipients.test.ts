import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { scalar } from '@/scripts/test-support/orders';
import { welfareOrder } from '@/scripts/test-support/recipients';

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { applyTrackingSheet, maskedRecipients, shipParcel, supplierShippingList } = await import('./recipients');
const { shipSupplierLines, listSupplierOrders } = await import('./shipping');
const { uploadTrackingAction, shipParcelAction } = await import('@/lib/actions/workshop');
useSeededDatabase();

const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await getDb().execute(q))[0]!;
const ids = { managerA: '', managerB: '', admin: '', supplierA: 0, supplierB: 0 };
beforeAll(async () => {
  for (const [k, email] of [
    ['managerA', 'workshop@example.com'],
    ['managerB', 'coop@example.com'],
    ['admin', 'admin@example.com'],
  ] as const)
    ids[k] = (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
  ids.supplierA = (await one<{ id: number }>(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`)).id;
  ids.supplierB = (await one<{ id: number }>(sql`select id from suppliers where slug = 'jijie-vegetable-coop'`)).id;
});

/** Everything shipping may write, as one string. */
const digest = async () =>
  (
    await one<{ d: string }>(sql`select
      (select coalesce(string_agg(recipient_id::text || tracking_no, ',' order by recipient_id), '') from recipient_shipments) ||
      (select coalesce(string_agg(order_id::text || supplier_id, ',' order by order_id, supplier_id), '') from shipments) ||
      (select coalesce(string_agg(id::text || status::text, ',' order by id), '') from orders) as d`)
  ).d;
const csv = (lines: string[][]) => lines.map((l) => l.join(',')).join('\r\n');
const sheet = (orderNo: string, rows: [number, string][]) => [
  ['订单号', '收货人编号', '快递公司', '运单号'],
  ...rows.map(([no, t]) => [orderNo, String(no), '顺丰', t]),
];

describe('welfare orders ship per recipient', () => {
  it('shows each supplier its own recipients in full, audited; everyone else masked; nothing before payment', async () => {
    const pending = await welfareOrder('pending');
    expect(
      await supplierShippingList({
        orderNo: pending.orderNo,
        supplierId: ids.supplierA,
        actorId: ids.managerA,
        purpose: 'view',
      }),
    ).toBeNull();
    const { orderNo, orderId } = await welfareOrder('paid');
    const a = await supplierShippingList({
      orderNo,
      supplierId: ids.supplierA,
      actorId: ids.managerA,
      purpose: 'view',
    });
    expect(a!.parcels.map((p) => [p.recipientNo, p.name, p.mobile, p.address])).toEqual([
      [1, '张三', '13987310001', '个旧市金湖东路 1 号 3 栋'],
      [2, '李四', '13987310002', '个旧市金湖西路 2 号 1 单元'],
      [3, '王五', '13987310003', '个旧市大屯镇幸福社区 5 栋'],
    ]);
    expect(a!.progress).toEqual({ shipped: 0, total: 3 });
    const b = await supplierShippingList({
      orderNo,
      supplierId: ids.supplierB,
      actorId: ids.managerB,
      purpose: 'export',
    });
    expect(b!.parcels.map((p) => p.recipientNo)).toEqual([4, 5]);
    expect(
      rowsOf<{ action: string }>(
        await getDb().execute(
          sql`select action from audit_log where entity_id = ${orderNo} and action like 'recipients.%' order by created_at`,
        ),
      ).map((r) => r.action),
    ).toEqual(['recipients.view', 'recipients.export']);
    const masked = await maskedRecipients({ orderId });
    expect(masked.map((p) => [p.name, p.mobile, p.address])[0]).toEqual(['张*', '139****0001', '个旧市金湖东****']);
    // Stored encrypted: the name is nowhere in the row's bytes.
    expect(
      await scalar(
        sql`select count(*) from order_recipients where order_id = ${orderId} and position(convert_to('张三', 'UTF8') in name_enc) > 0`,
      ),
    ).toBe('0');
    // The dashboard lists the order with this supplier's progress, and the single 发货 form is refused.
    const listed = (await listSupplierOrders({ supplierId: ids.supplierA, limit: 500 })).find(
      (o) => o.orderNo === orderNo,
    );
    expect(listed!.parcels).toEqual({ shipped: 0, total: 3 });
    expect(
      await shipSupplierLines({
        orderNo,
        supplierId: ids.supplierA,
        carrier: '顺丰速运',
        trackingNo: 'SF10000001',
        actorId: ids.managerA,
      }),
    ).toBe('per_recipient');
  });

  it('ships parcel by parcel and by sheet; each supplier’s part ships with its last parcel, the order with the last supplier', async () => {
    const { orderNo, orderId } = await welfareOrder('paid');
    const ship = (recipientNo: number, trackingNo: string, supplierId = ids.supplierA) =>
      shipParcel({ orderNo, supplierId, recipientNo, carrier: '顺丰速运', trackingNo, actorId: ids.managerA });
    expect(await ship(1, 'SF20000001')).toBe('shipped');
    expect(await ship(1, 'SF20000099')).toBe('already');
    await expect(ship(4, 'SF20000004')).rejects.toThrow('不在本店的发货清单中');
    expect(await scalar(sql`select status from orders where id = ${orderId}`)).toBe('paid');
    const r = await applyTrackingSheet({
      orderNo,
      supplierId: ids.supplierA,
      rows: sheet(orderNo, [
        [1, 'SF20000001'],
        [2, 'SF20000002'],
        [3, 'SF20000003'],
      ]),
      defaultCarrier: null,
      actorId: ids.managerA,
    });
    expect(r).toEqual({ shipped: 2, unchanged: 1 });
    expect(await scalar(sql`select status from orders where id = ${orderId}`)).toBe('partially_shipped');
    expect(
      await scalar(
        sql`select tracking_no from shipments where order_id = ${orderId} and supplier_id = ${ids.supplierA}`,
      ),
    ).toBe('3 个包裹（按收货人）');
    await applyTrackingSheet({
      orderNo,
      supplierId: ids.supplierB,
      rows: sheet(orderNo, [
        [4, 'ZT30000004'],
        [5, 'ZT30000005'],
      ]),
      defaultCarrier: null,
      actorId: ids.managerB,
    });
    expect(await scalar(sql`select status from orders where id = ${orderId}`)).toBe('shipped');
    expect(await scalar(sql`select count(*) from recipient_shipments where order_id = ${orderId}`)).toBe('5');
  });

  it('records one shipment when two managers ship the same parcel at once', async () => {
    const { orderNo, orderId } = await welfareOrder('paid');
    const results = await Promise.all(
      [ids.managerA, ids.admin].map((actorId, i) =>
        shipParcel({
          orderNo,
          supplierId: ids.supplierA,
          recipientNo: 2,
          carrier: '顺丰速运',
          trackingNo: `SF4000000${i}`,
          actorId,
        }),
      ),
    );
    expect(results.sort()).toEqual(['already', 'shipped']);
    expect(await scalar(sql`select count(*) from recipient_shipments where order_id = ${orderId}`)).toBe('1');
    // The same upload twice at once: one records, the other finds it recorded.
    const rows = sheet(orderNo, [
      [1, 'SF40000011'],
      [3, 'SF40000013'],
    ]);
    const twice = await Promise.all(
      [0, 1].map(() =>
        applyTrackingSheet({ orderNo, supplierId: ids.supplierA, rows, defaultCarrier: null, actorId: ids.managerA }),
      ),
    );
    expect(twice.map((t) => t.shipped).sort()).toEqual([0, 2]);
    expect(await scalar(sql`select count(*) from shipments where order_id = ${orderId}`)).toBe('1');
  });

  it('refuses, writing nothing, a sheet naming another order, another supplier’s recipient, a wrong name or a changed number', async () => {
    const { orderNo } = await welfareOrder('paid');
    const other = await welfareOrder('paid');
    await shipParcel({
      orderNo,
      supplierId: ids.supplierA,
      recipientNo: 1,
      carrier: '顺丰速运',
      trackingNo: 'SF50000001',
      actorId: ids.managerA,
    });
    const before = await digest();
    const attempt = (rows: string[][]) =>
      applyTrackingSheet({
        orderNo,
        supplierId: ids.supplierA,
        rows,
        defaultCarrier: '顺丰速运',
        actorId: ids.managerA,
      });
    await expect(attempt(sheet(other.orderNo, [[2, 'SF50000002']]))).rejects.toMatchObject({
      fields: { file: expect.stringContaining(`订单号 ${other.orderNo} 不是本订单`) },
    });
    await expect(
      attempt([...sheet(orderNo, [[2, 'SF50000002']]), [orderNo, '4', '顺丰', 'SF50000004']]),
    ).rejects.toMatchObject({
      fields: { file: '第 3 行：收货人编号 4 不在本店的发货清单中' },
    });
    await expect(
      attempt([
        ['订单号', '收货人编号', '收货人', '运单号'],
        [orderNo, '2', '赵六', 'SF50000002'],
      ]),
    ).rejects.toMatchObject({ fields: { file: '第 2 行：收货人“赵六”与编号 2 不符' } });
    await expect(attempt(sheet(orderNo, [[1, 'SF59999999']]))).rejects.toThrow('未录入任何运单号');
    expect(await digest()).toBe(before);
  });

  it('lets a manager of supplier B do nothing with supplier A’s parcels through the actions', async () => {
    const { orderNo } = await welfareOrder('paid');
    const before = await digest();
    session.userId = ids.managerB;
    const file = new File([csv(sheet(orderNo, [[1, 'SF60000001']]))], 't.csv', { type: 'text/csv' });
    expect(await uploadTrackingAction(null, { orderNo, supplierId: String(ids.supplierA), file })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // Naming its own supplier does not reach A's recipients either.
    expect(await uploadTrackingAction(null, { orderNo, supplierId: String(ids.supplierB), file })).toMatchObject({
      ok: false,
      error: '共 1 处错误，未录入任何运单号',
    });
    expect(
      await shipParcelAction(null, {
        orderNo,
        supplierId: String(ids.supplierB),
        recipientNo: '1',
        carrier: '顺丰速运',
        trackingNo: 'SF60000001',
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(await digest()).toBe(before);
  });

  it('serves the 面单 CSV to the supplier’s manager only, with a BOM, audited', async () => {
    const { GET } = await import('@/app/workshop/orders/[orderNo]/waybills.csv/route');
    const { orderNo } = await welfareOrder('paid');
    const get = (supplier: number | string, no = orderNo) =>
      GET(new Request(`http://localhost/workshop/orders/${no}/waybills.csv?supplier=${supplier}`), {
        params: Promise.resolve({ orderNo: no }),
      });
    const before = await digest();
    const audits = async () =>
      await scalar(sql`select count(*) from audit_log where entity_id = ${orderNo} and action = 'recipients.export'`);
    session.userId = ids.managerB;
    expect((await get(ids.supplierA)).status).toBe(403);
    session.userId = null;
    expect((await get(ids.supplierA)).status).toBe(401);
    session.userId = ids.managerA;
    expect((await get(ids.supplierA, 'GJ20990101-999999')).status).toBe(404);
    expect((await get('x')).status).toBe(400);
    expect((await get('99999999999')).status).toBe(400); // beyond an int column: refused before the database
    expect(await audits()).toBe('0');
    const res = await get(ids.supplierA);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Chinese headers
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      '收件人,手机,收件地址,物品,数量,备注,订单号,收货人编号,快递公司,运单号',
      `张三,13987310001,个旧市金湖东路 1 号 3 栋,马缨花刺绣胸针（直径 5cm）,2,${orderNo}#1,${orderNo},1,,`,
    ]);
    expect(text).not.toContain('赵六'); // supplier B's recipient
    expect(await audits()).toBe('1');
    expect(await digest()).toBe(before);
  });

  it('answers huge or malformed sheets in Chinese and writes nothing', async () => {
    const { orderNo } = await welfareOrder('paid');
    const before = await digest();
    session.userId = ids.managerA;
    const upload = (file: File) => uploadTrackingAction(null, { orderNo, supplierId: String(ids.supplierA), file });
    const garbage = new File([Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 7)])], 'x.xlsx');
    expect(await upload(garbage)).toMatchObject({
      ok: false,
      code: 'invalid_input',
      error: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
    const huge = new File(['订单号,收货人编号,运单号\r\n' + `${orderNo},1,SF70000001\r\n`.repeat(6000)], 'h.csv');
    expect(await upload(huge)).toMatchObject({ ok: false, error: expect.stringContaining('未录入') });
    const tooBig = new File([Buffer.alloc(6 * 1024 * 1024, 65)], 'big.csv');
    expect(await upload(tooBig)).toMatchObject({ ok: false, error: '文件不能超过 5 MB' });
    const noHeader = new File([`${orderNo},1,SF70000001`], 'n.csv');
    expect(await upload(noHeader)).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining('表头') } });
    // A formula in an .xlsx is refused before any row is read.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('运单');
    ws.addRow(['订单号', '收货人编号', '运单号']);
    ws.addRow([orderNo, 1, { formula: 'CONCAT("SF","70000001")' }]);
    const formula = new File([Buffer.from(await wb.xlsx.writeBuffer())], 'f.xlsx');
    expect(await upload(formula)).toMatchObject({ ok: false, error: expect.stringContaining('公式') });
    expect(await digest()).toBe(before);
  });

  it('ships an approved pay-later order before payment, from an .xlsx the courier sent back', async () => {
    const { orderNo, orderId } = await welfareOrder('pay_later');
    session.userId = ids.managerA;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('运单');
    ws.addRow(['序号', '运单号', '快递公司', '备注', '收件人']);
    ws.addRow([1, 'JD80000001', '京东', `${orderNo}#1`, '张三']);
    ws.addRow([2, 'JD80000002', '京东', `${orderNo}#2`, '李四']);
    ws.addRow([3, 'JD80000003', '京东', `${orderNo}#3`, '王五']);
    const file = new File([Buffer.from(await wb.xlsx.writeBuffer())], 'jd.xlsx');
    expect(await uploadTrackingAction(null, { orderNo, supplierId: String(ids.supplierA), file })).toMatchObject({
      ok: true,
      message: '已录入 3 个运单号',
    });
    expect(await scalar(sql`select carrier from shipments where order_id = ${orderId}`)).toBe('京东物流');
    expect(await scalar(sql`select status from orders where id = ${orderId}`)).toBe('partially_shipped');
  });
});
