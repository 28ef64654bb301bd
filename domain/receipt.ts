import type { OrderStatus } from './order-state';

/**
 * 确认收货 / 验收: the receiver confirms, or the confirmation happens by itself a number of days after the
 * goods were sent (retail orders: 10 days after the last shipment). The rule is general (the days are a
 * parameter) so that other acceptances, such as a unit's 验收, reuse it.
 */
export const AUTO_RECEIPT_DAYS = 10;
/** A unit's 验收 happens by itself 15 days after the last shipment (stated on the order page). */
export const UNIT_AUTO_RECEIPT_DAYS = 15;
/** The programme office is shown unit orders still not accepted this many days after the last shipment. */
export const UNIT_RECEIPT_OVERDUE_DAYS = 10;
/** A 验收 note's longest length. */
export const MAX_RECEIPT_NOTE = 200;
const DAY_MS = 86_400_000;

/** When the receipt happens by itself: `days` after `sentAt`. */
export function autoReceiptAt(sentAt: Date, days: number = AUTO_RECEIPT_DAYS): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('auto-receipt days must be a positive integer');
  return new Date(sentAt.getTime() + days * DAY_MS);
}

/** Whether the automatic receipt is due at `now`. */
export function isAutoReceiptDue(p: { sentAt: Date; now: Date; days?: number }): boolean {
  return p.now.getTime() >= autoReceiptAt(p.sentAt, p.days).getTime();
}

/**
 * Whether a retail order can be confirmed as received: every supplier in it has shipped (已发货, or a
 * part-refunded order whose every supplier shipped), and it was not confirmed before.
 */
export function canConfirmReceipt(o: { status: OrderStatus; receivedAt: Date | null; fullyShipped: boolean }): boolean {
  if (o.receivedAt) return false;
  return o.status === 'shipped' || (o.status === 'partially_refunded' && o.fullyShipped);
}

/**
 * The status an order takes on receipt: 已签收 when it was 已发货; a part-refunded order keeps its status.
 * A unit's 验收 of a paid purchase order makes it 已完成; a pay-later (先货后款) one not yet paid is 已签收
 * and still awaits its transfer.
 */
export function statusOnReceipt(s: OrderStatus, unit?: { paid: boolean }): OrderStatus {
  if (s !== 'shipped') return s;
  return unit?.paid ? 'completed' : 'delivered';
}
