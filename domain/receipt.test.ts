import { describe, expect, it } from 'vitest';
import { autoReceiptAt, canConfirmReceipt, isAutoReceiptDue, statusOnReceipt } from './receipt';

const sent = new Date('2026-11-01T02:00:00Z');

describe('receipt rule', () => {
  it('happens by itself 10 days after the goods were sent, or after the days given', () => {
    expect(autoReceiptAt(sent).toISOString()).toBe('2026-11-11T02:00:00.000Z');
    expect(autoReceiptAt(sent, 7).toISOString()).toBe('2026-11-08T02:00:00.000Z');
    expect(isAutoReceiptDue({ sentAt: sent, now: new Date('2026-11-11T01:59:59Z') })).toBe(false);
    expect(isAutoReceiptDue({ sentAt: sent, now: new Date('2026-11-11T02:00:00Z') })).toBe(true);
    expect(isAutoReceiptDue({ sentAt: sent, now: new Date('2026-11-05T02:00:00Z'), days: 3 })).toBe(true);
  });

  it('refuses a days parameter that is not a positive integer', () => {
    expect(() => autoReceiptAt(sent, 0)).toThrow(RangeError);
    expect(() => autoReceiptAt(sent, 1.5)).toThrow(RangeError);
  });

  it('confirms a shipped order once, and a part-refunded order only when every supplier shipped', () => {
    expect(canConfirmReceipt({ status: 'shipped', receivedAt: null, fullyShipped: true })).toBe(true);
    expect(canConfirmReceipt({ status: 'shipped', receivedAt: sent, fullyShipped: true })).toBe(false);
    expect(canConfirmReceipt({ status: 'partially_shipped', receivedAt: null, fullyShipped: false })).toBe(false);
    expect(canConfirmReceipt({ status: 'paid', receivedAt: null, fullyShipped: false })).toBe(false);
    expect(canConfirmReceipt({ status: 'partially_refunded', receivedAt: null, fullyShipped: true })).toBe(true);
    expect(canConfirmReceipt({ status: 'partially_refunded', receivedAt: null, fullyShipped: false })).toBe(false);
    expect(canConfirmReceipt({ status: 'refunded', receivedAt: null, fullyShipped: true })).toBe(false);
  });

  it('moves 已发货 to 已签收 and leaves a part-refunded order as it is', () => {
    expect(statusOnReceipt('shipped')).toBe('delivered');
    expect(statusOnReceipt('partially_refunded')).toBe('partially_refunded');
  });

  it('completes a paid unit order on 验收; an unpaid pay-later one is 已签收 until its transfer', () => {
    expect(statusOnReceipt('shipped', { paid: true })).toBe('completed');
    expect(statusOnReceipt('shipped', { paid: false })).toBe('delivered');
    expect(statusOnReceipt('partially_refunded', { paid: true })).toBe('partially_refunded');
    expect(
      isAutoReceiptDue({ sentAt: new Date('2026-01-01T00:00:00Z'), now: new Date('2026-01-15T23:59:59Z'), days: 15 }),
    ).toBe(false);
    expect(
      isAutoReceiptDue({ sentAt: new Date('2026-01-01T00:00:00Z'), now: new Date('2026-01-16T00:00:00Z'), days: 15 }),
    ).toBe(true);
  });
});
