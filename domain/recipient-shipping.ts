import type { RowError } from './bulk-order';
import { CARRIERS } from './labels';
import { isShippable, type OrderStatus } from './order-state';

/**
 * Welfare orders (工会慰问品) shipped to many recipients: one parcel per recipient row of the order, shipped
 * by the supplier of its product with a carrier and tracking number (issue 15). Recipients are numbered
 * 1…N in the order of the sheet the unit uploaded, the same number for the unit, the supplier and the office.
 */

export type Carrier = (typeof CARRIERS)[number];
export const TRACKING_NO = /^[A-Za-z0-9-]{6,30}$/;
export const TRACKING_NO_MESSAGE = '运单号为 6–30 位字母或数字';

/** 已发 38 / 50. */
export type DeliveryProgress = { shipped: number; total: number };
export const progressLabel = (p: DeliveryProgress) => `已发 ${p.shipped} / ${p.total}`;

/** A supplier's part of an order with recipients is shipped only when every recipient's parcel of it is. */
export const allParcelsShipped = (p: DeliveryProgress) => p.total > 0 && p.shipped >= p.total;

/**
 * Who may read a recipient's full name, mobile and address: the supplier of the parcel, while its order
 * is paid or shippable (an approved pay-later order before payment). Everyone else sees them masked.
 */
export function recipientsRevealable(o: {
  status: OrderStatus;
  paidAt: Date | null;
  paymentTerms: string;
  decidedAt: Date | null;
}): boolean {
  if (isShippable(o)) return true;
  return o.paidAt !== null && (o.status === 'shipped' || o.status === 'delivered');
}

/** 云南省个旧市金湖东路 1 号 → 云南省个旧市****: enough to recognise, not to find. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  return chars.length <= 6 ? '****' : `${chars.slice(0, 6).join('')}****`;
}

/** A carrier as people write it (顺丰, EMS, 中通) → the store's name for it; null when none matches. */
export function normaliseCarrier(text: string): Carrier | null {
  const key = text.replace(/\s+/g, '').toUpperCase();
  if (key.length < 2) return null;
  return CARRIERS.find((c) => c.replace(/\s+/g, '').toUpperCase().includes(key)) ?? null;
}

/**
 * The 面单 CSV: a common courier batch-import layout (收件人, 手机, 收件地址, 物品, 数量, 备注), followed by
 * the columns the tracking upload reads back (订单号, 收货人编号, 快递公司, 运单号), so the same file, with the
 * tracking numbers filled in, can be uploaded again.
 */
export const WAYBILL_HEADERS = [
  '收件人',
  '手机',
  '收件地址',
  '物品',
  '数量',
  '备注',
  '订单号',
  '收货人编号',
  '快递公司',
  '运单号',
];

export type WaybillParcel = {
  recipientNo: number;
  name: string;
  mobile: string;
  address: string;
  item: string;
  quantity: number;
  shipment: { carrier: string; trackingNo: string } | null;
};

export function waybillRows(orderNo: string, parcels: readonly WaybillParcel[]): (string | number)[][] {
  return parcels.map((p) => [
    p.name,
    p.mobile,
    p.address,
    p.item,
    p.quantity,
    `${orderNo}#${p.recipientNo}`,
    orderNo,
    p.recipientNo,
    p.shipment?.carrier ?? '',
    p.shipment?.trackingNo ?? '',
  ]);
}

export type TrackingLine = {
  row: number;
  orderNo: string;
  recipientNo: number;
  name: string | null;
  carrier: Carrier;
  trackingNo: string;
};

const COLUMNS = {
  orderNo: ['订单号', '订单编号'],
  recipientNo: ['收货人编号', '收件人编号', '编号'],
  name: ['收货人', '收件人', '收件人姓名', '收货人姓名'],
  carrier: ['快递公司', '快递', '承运商', '物流公司'],
  trackingNo: ['运单号', '快递单号', '物流单号', '面单号'],
  note: ['备注'],
} as const;
const NOTE_REF = /(GJ\d{8}-\d{6})\s*#\s*(\d{1,5})/;
/** A courier's sheet for one order has at most this many rows (a welfare order's recipients are far fewer). */
export const MAX_TRACKING_ROWS = 5_000;

/**
 * The courier's batch sheet, as text rows with a header row: 订单号 and 收货人编号 (or a 备注 holding
 * `订单号#编号`, as the 面单 CSV writes it), 运单号, and optionally 收货人 (checked against the parcel) and
 * 快递公司 (else the carrier chosen on the form). Rows without a tracking number are skipped.
 */
export function parseTrackingSheet(
  rows: readonly (readonly string[])[],
  defaultCarrier: Carrier | null,
): { lines: TrackingLine[]; errors: RowError[] } {
  const header = (rows[0] ?? []).map((c) => c.trim());
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const at = {
    orderNo: col(COLUMNS.orderNo),
    recipientNo: col(COLUMNS.recipientNo),
    name: col(COLUMNS.name),
    carrier: col(COLUMNS.carrier),
    trackingNo: col(COLUMNS.trackingNo),
    note: col(COLUMNS.note),
  };
  const lines: TrackingLine[] = [];
  const errors: RowError[] = [];
  if (at.trackingNo < 0 || ((at.orderNo < 0 || at.recipientNo < 0) && at.note < 0))
    return { lines, errors: [{ row: 1, message: '第一行须为表头，含“订单号”“收货人编号”（或“备注”）和“运单号”列' }] };
  if (rows.length - 1 > MAX_TRACKING_ROWS)
    return { lines, errors: [{ row: 0, message: `一次最多 ${MAX_TRACKING_ROWS} 行` }] };
  const cell = (r: readonly string[], i: number) => (i < 0 ? '' : (r[i] ?? '').trim());
  rows.slice(1).forEach((r, i) => {
    const row = i + 2;
    const trackingNo = cell(r, at.trackingNo);
    if (!trackingNo) return;
    const note = NOTE_REF.exec(cell(r, at.note));
    const orderNo = (cell(r, at.orderNo) || note?.[1] || '').toUpperCase();
    const noText = cell(r, at.recipientNo) || note?.[2] || '';
    const problems: string[] = [];
    if (!/^GJ\d{8}-\d{6}$/.test(orderNo)) problems.push('订单号不正确');
    if (!/^\d{1,5}$/.test(noText) || Number(noText) < 1) problems.push('收货人编号不正确');
    if (!TRACKING_NO.test(trackingNo)) problems.push(TRACKING_NO_MESSAGE);
    const carrierText = cell(r, at.carrier);
    const carrier = carrierText ? normaliseCarrier(carrierText) : defaultCarrier;
    if (!carrier) problems.push(carrierText ? `不认识的快递公司“${carrierText.slice(0, 20)}”` : '请选择快递公司');
    if (problems.length) errors.push({ row, message: problems.join('；') });
    else
      lines.push({
        row,
        orderNo,
        recipientNo: Number(noText),
        name: cell(r, at.name) || null,
        carrier: carrier!,
        trackingNo,
      });
  });
  if (!lines.length && !errors.length) errors.push({ row: 0, message: '文件中没有填写运单号的行' });
  return { lines, errors };
}

export type ParcelState = {
  recipientNo: number;
  name: string;
  shipment: { carrier: string; trackingNo: string } | null;
};

/**
 * Matches the sheet's lines with this supplier's parcels of this order. Any line naming another order, a
 * recipient not among these parcels, another name, or a parcel already shipped under another number is an
 * error, and then nothing is shipped. A line repeating a recorded shipment is unchanged (a replayed upload).
 */
export function matchTracking(
  lines: readonly TrackingLine[],
  orderNo: string,
  parcels: readonly ParcelState[],
): { toShip: TrackingLine[]; unchanged: number; errors: RowError[] } {
  const byNo = new Map(parcels.map((p) => [p.recipientNo, p]));
  const seen = new Map<number, TrackingLine>();
  const toShip: TrackingLine[] = [];
  const errors: RowError[] = [];
  let unchanged = 0;
  for (const l of lines) {
    const p = byNo.get(l.recipientNo);
    if (l.orderNo !== orderNo) errors.push({ row: l.row, message: `订单号 ${l.orderNo} 不是本订单（${orderNo}）` });
    else if (!p) errors.push({ row: l.row, message: `收货人编号 ${l.recipientNo} 不在本店的发货清单中` });
    else if (l.name !== null && l.name !== p.name)
      errors.push({ row: l.row, message: `收货人“${l.name.slice(0, 20)}”与编号 ${l.recipientNo} 不符` });
    else if (seen.has(l.recipientNo) && seen.get(l.recipientNo)!.trackingNo !== l.trackingNo)
      errors.push({ row: l.row, message: `收货人编号 ${l.recipientNo} 在文件中出现了两次，运单号不同` });
    else if (p.shipment && p.shipment.trackingNo !== l.trackingNo)
      errors.push({
        row: l.row,
        message: `收货人编号 ${l.recipientNo} 已发货（${p.shipment.carrier} ${p.shipment.trackingNo}），不能更改`,
      });
    else if (p.shipment || seen.has(l.recipientNo)) unchanged++;
    else toShip.push(l);
    seen.set(l.recipientNo, l);
  }
  return { toShip, unchanged, errors };
}
