import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { fakeExe, solidPng } from '@/lib/media/fixtures';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { scalar, seededUserId } from '@/scripts/test-support/orders';
import { welfareOrder } from '@/scripts/test-support/recipients';

/**
 * Issue 15, 验收: a member of the order's unit accepts its goods (optional note and one photo), once; the
 * order is then 已完成. Nobody else may; an order not fully shipped cannot be; the sweep accepts it 15 days
 * after the last shipment (not at the retail 10), and the office lists those unaccepted past 10 days.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn() }));

const { confirmUnitReceiptAction } = await import('@/lib/actions/unit-receipt');
const { autoConfirmReceipts } = await import('@/lib/orders/receipt');
const { listUnreceivedUnitOrders } = await import('@/db/queries/unit-receipt');
useSeededDatabase();

let buyer = '';
let approver = '';
let retailBuyer = '';
let manager = '';

const statusOf = (orderNo: string) => scalar(sql`select status::text from orders where order_no = ${orderNo}`);
const receipts = (orderNo: string) =>
  scalar(sql`select count(*) from order_receipts r join orders o on o.id = r.order_id where o.order_no = ${orderNo}`);
const snapshot = async () =>
  (
    await Promise.all(
      ['order_receipts', 'audit_log', 'order_events'].map((t) =>
        scalar(sql`select count(*) from ${sql.identifier(t)}`),
      ),
    )
  ).join(',') + (await scalar(sql`select string_agg(status::text, ',' order by id) from orders`));

async function shippedDaysAgo(days: number): Promise<string> {
  const { orderNo, orderId } = await welfareOrder('shipped');
  await getDb().execute(
    sql`update shipments set shipped_at = now() - make_interval(days => ${days}) where order_id = ${orderId}`,
  );
  return orderNo;
}

beforeAll(async () => {
  buyer = await seededUserId('unit@example.com');
  approver = await seededUserId('approver@example.com');
  retailBuyer = await seededUserId('buyer@example.com');
  manager = await seededUserId('workshop@example.com');
});

describe('验收 by a member of the unit', () => {
  it('with a note and a photo: 已完成, recorded once, audited; pressing again changes nothing', async () => {
    const { orderNo } = await welfareOrder('shipped');
    session.userId = approver;
    const photo = new File([solidPng(240) as BlobPart], '验收.png', { type: 'image/png' });
    const r = await confirmUnitReceiptAction(null, { orderNo, note: '  50 份全部收到，包装完好 ', photo });
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, message: '已验收，采购单已完成' });
    expect(await statusOf(orderNo)).toBe('completed');
    const [row] = rowsOf<{ note: string; auto: boolean; by: string; type: string; n: number }>(
      await getDb().execute(sql`
        select r.note, r.auto, r.received_by as by, r.photo_content_type as type, length(r.photo_bytes) as n
        from order_receipts r join orders o on o.id = r.order_id where o.order_no = ${orderNo}`),
    );
    expect(row).toMatchObject({ note: '50 份全部收到，包装完好', auto: false, by: approver });
    expect(row!.type).toMatch(/^image\//);
    expect(Number(row!.n)).toBeGreaterThan(0);
    expect(
      await scalar(sql`select count(*) from audit_log where action = 'order.unit_receipt' and entity_id = ${orderNo}`),
    ).toBe('1');
    session.userId = buyer;
    expect(await confirmUnitReceiptAction(null, { orderNo })).toMatchObject({ ok: true, message: '该采购单已验收' });
    expect(await receipts(orderNo)).toBe('1');
  });

  it('two members at once: accepted once', async () => {
    const { orderNo } = await welfareOrder('shipped');
    session.userId = buyer;
    const rs = await Promise.all([
      confirmUnitReceiptAction(null, { orderNo }),
      confirmUnitReceiptAction(null, { orderNo }),
    ]);
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(await receipts(orderNo)).toBe('1');
  });

  it('nobody outside the unit may accept it (a retail buyer, a supplier manager, anonymous), nothing written', async () => {
    const { orderNo } = await welfareOrder('shipped');
    for (const who of [retailBuyer, manager, null]) {
      session.userId = who;
      const before = await snapshot();
      const r = await confirmUnitReceiptAction(null, { orderNo, note: '冒充验收' });
      expect(r.ok).toBe(false);
      expect(['unauthorized', 'forbidden', 'not_found']).toContain((r as { code: string }).code);
      expect(await snapshot()).toBe(before);
    }
    expect(await statusOf(orderNo)).toBe('shipped');
  });

  it('refuses an order not fully shipped, a file that is not an image, and an unknown order; nothing written', async () => {
    const { orderNo: paid } = await welfareOrder('paid');
    session.userId = buyer;
    const before = await snapshot();
    expect(await confirmUnitReceiptAction(null, { orderNo: paid })).toMatchObject({
      ok: false,
      code: 'conflict',
      error: '还有收货人的包裹未发货，全部发货后才能验收',
    });
    const { orderNo } = await welfareOrder('shipped');
    const mid = await snapshot();
    const exe = new File([fakeExe() as BlobPart], 'photo.png', { type: 'image/png' });
    const r = await confirmUnitReceiptAction(null, { orderNo, photo: exe });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await confirmUnitReceiptAction(null, { orderNo: 'GJ20260101-999999' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await confirmUnitReceiptAction(null, { orderNo, note: '长'.repeat(201) })).toMatchObject({
      ok: false,
      code: 'invalid_input',
    });
    expect(await snapshot()).toBe(mid);
    expect(before).not.toBe(mid); // the second welfare order was placed in between
  });
});

describe('automatic 验收 and the office’s list', () => {
  it('accepts a unit order 15 days after its last shipment, not at the retail 10; lists it past 10 days', async () => {
    const eleven = await shippedDaysAgo(11);
    const sixteen = await shippedDaysAgo(16);
    const listed = (await listUnreceivedUnitOrders({ olderThanDays: 10 })).map((r) => r.orderNo);
    expect(listed).toEqual(expect.arrayContaining([eleven, sixteen]));
    await autoConfirmReceipts();
    expect(await statusOf(eleven)).toBe('shipped');
    expect(await statusOf(sixteen)).toBe('completed');
    const [row] = rowsOf<{ auto: boolean; by: string | null }>(
      await getDb().execute(
        sql`select r.auto, r.received_by as by from order_receipts r join orders o on o.id = r.order_id where o.order_no = ${sixteen}`,
      ),
    );
    expect(row).toEqual({ auto: true, by: null });
    const after = (await listUnreceivedUnitOrders({ olderThanDays: 10 })).map((r) => r.orderNo);
    expect(after).toContain(eleven);
    expect(after).not.toContain(sixteen);
  });
});

describe('the 验收 photo', () => {
  it('is shown to the unit’s members and the office only', async () => {
    const { orderNo } = await welfareOrder('shipped');
    session.userId = buyer;
    const photo = new File([solidPng(240) as BlobPart], 'a.png', { type: 'image/png' });
    expect(await confirmUnitReceiptAction(null, { orderNo, photo })).toMatchObject({ ok: true });
    const { GET } = await import('@/app/unit/orders/[orderNo]/receipt-photo/route');
    const get = () => GET(new Request('http://x'), { params: Promise.resolve({ orderNo }) });
    for (const [who, status] of [
      [buyer, 200],
      [approver, 200],
      [await seededUserId('admin@example.com'), 200],
      [retailBuyer, 404],
      [manager, 404],
      [null, 404],
    ] as const) {
      session.userId = who;
      expect((await get()).status, String(who)).toBe(status);
    }
  });
});
