import { describe, expect, it } from 'vitest';
import {
  afterSalesAmount,
  afterSalesRefusal,
  isSupplierOverdue,
  nextAfterSalesStatus,
  supplierAnswerDeadline,
} from './after-sales';

const received = new Date('2026-11-10T04:00:00Z');
const base = {
  receivedAt: received,
  now: new Date('2026-11-12T04:00:00Z'),
  productClass: 'standard' as const,
  reason: 'no_reason' as const,
  quantity: 1,
  lineQuantity: 2,
};

describe('after-sales eligibility', () => {
  it('accepts a no-reason return of a standard product within 7 days of receipt', () => {
    expect(afterSalesRefusal(base)).toBeNull();
    expect(afterSalesRefusal({ ...base, now: new Date('2026-11-17T04:00:00Z') })).toBeNull();
  });

  it('refuses before receipt and after the 7 days', () => {
    expect(afterSalesRefusal({ ...base, receivedAt: null })).toMatch('请先确认收货');
    expect(afterSalesRefusal({ ...base, now: new Date('2026-11-17T04:00:01Z') })).toMatch('已超过售后期限');
    // A quality problem too: the window holds for every reason.
    expect(afterSalesRefusal({ ...base, reason: 'quality', now: new Date('2026-11-18T00:00:00Z') })).toMatch(
      '已超过售后期限',
    );
  });

  it('refuses a no-reason return of perishable or custom goods, and accepts their quality problems', () => {
    expect(afterSalesRefusal({ ...base, productClass: 'perishable' })).toMatch('鲜活易腐商品不支持七天无理由退货');
    expect(afterSalesRefusal({ ...base, productClass: 'custom' })).toMatch('定制商品不支持七天无理由退货');
    for (const reason of ['quality', 'not_as_described', 'damaged', 'wrong_item'] as const) {
      expect(afterSalesRefusal({ ...base, productClass: 'perishable', reason })).toBeNull();
      expect(afterSalesRefusal({ ...base, productClass: 'custom', reason })).toBeNull();
    }
  });

  it('refuses a quantity outside the line', () => {
    expect(afterSalesRefusal({ ...base, quantity: 0 })).toMatch('退款数量');
    expect(afterSalesRefusal({ ...base, quantity: 3 })).toMatch('退款数量须为 1 到 2 件');
    expect(afterSalesRefusal({ ...base, quantity: 1.5 })).toMatch('退款数量');
  });
});

describe('after-sales amounts and deadlines', () => {
  it('refunds the goods only, never more than the line still holds', () => {
    expect(afterSalesAmount({ unitPriceFen: 6800, quantity: 2, lineRemainingFen: 13_600n })).toBe(13_600n);
    expect(afterSalesAmount({ unitPriceFen: 6800, quantity: 2, lineRemainingFen: 10_000n })).toBe(10_000n);
  });

  it('gives the supplier 48 hours, then the case goes to the office', () => {
    const at = new Date('2026-11-12T04:00:00Z');
    const deadline = supplierAnswerDeadline(at);
    expect(deadline.toISOString()).toBe('2026-11-14T04:00:00.000Z');
    expect(isSupplierOverdue({ status: 'requested', supplierDeadline: deadline }, deadline)).toBe(false);
    expect(
      isSupplierOverdue({ status: 'requested', supplierDeadline: deadline }, new Date(deadline.getTime() + 1)),
    ).toBe(true);
    expect(isSupplierOverdue({ status: 'office_review', supplierDeadline: deadline }, new Date('2027-01-01'))).toBe(
      false,
    );
  });
});

describe('after-sales state machine', () => {
  it('walks 退货退款 through a refusal, the office, the return and the refund', () => {
    const k = 'return_refund' as const;
    expect(nextAfterSalesStatus('requested', k, { by: 'supplier', decision: 'disagree' })).toBe('office_review');
    expect(nextAfterSalesStatus('office_review', k, { by: 'office', decision: 'approve' })).toBe('awaiting_return');
    expect(nextAfterSalesStatus('awaiting_return', k, { by: 'buyer', decision: 'ship_return' })).toBe('return_shipped');
    expect(nextAfterSalesStatus('return_shipped', k, { by: 'supplier', decision: 'confirm_return' })).toBe('refunded');
  });

  it('refunds an accepted 仅退款 at once', () => {
    expect(nextAfterSalesStatus('requested', 'refund_only', { by: 'supplier', decision: 'agree' })).toBe('refunded');
    expect(nextAfterSalesStatus('office_review', 'refund_only', { by: 'office', decision: 'approve' })).toBe(
      'refunded',
    );
  });

  it('refuses replayed and out-of-turn steps', () => {
    const k = 'return_refund' as const;
    expect(nextAfterSalesStatus('office_review', k, { by: 'supplier', decision: 'agree' })).toBeNull();
    expect(nextAfterSalesStatus('office_review', k, { by: 'supplier', decision: 'disagree' })).toBeNull();
    expect(nextAfterSalesStatus('awaiting_return', k, { by: 'office', decision: 'approve' })).toBeNull();
    expect(nextAfterSalesStatus('requested', k, { by: 'office', decision: 'approve' })).toBeNull();
    expect(nextAfterSalesStatus('rejected', k, { by: 'office', decision: 'approve' })).toBeNull();
    expect(nextAfterSalesStatus('refunded', k, { by: 'supplier', decision: 'confirm_return' })).toBeNull();
    expect(nextAfterSalesStatus('requested', k, { by: 'buyer', decision: 'ship_return' })).toBeNull();
    expect(nextAfterSalesStatus('office_review', k, { by: 'system', decision: 'escalate' })).toBeNull();
  });
});
