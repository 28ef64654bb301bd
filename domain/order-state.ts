/**
 * The order state machine. An illegal transition is an error, and the caller writes nothing.
 * ORDER_STATUSES is also the database enum (db/schema pgEnum 'order_status'), in its stored order:
 * append new values at the end, never reorder.
 */
export const ORDER_STATUSES = [
  'pending_approval', // 待审批 (unit purchase orders)
  'pending_payment', // 待付款
  'paid', // 已付款
  'partially_shipped',
  'shipped', // 已发货
  'completed',
  'cancelled',
  'delivered', // 已签收
  'expired', // 超时未付款，已关闭
  'partially_refunded',
  'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * A pay-later (先货后款) order ships before it is paid (pending_payment → shipped); once paid it keeps
 * its shipping status (paid_at marks the payment). A closed order is reopened (→ pending_payment, and
 * paid in the same transaction) only when the programme office applies money that arrived late
 * (lib/payments/unmatched.ts).
 */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_approval: ['pending_payment', 'cancelled', 'expired'],
  pending_payment: ['paid', 'cancelled', 'expired', 'partially_shipped', 'shipped'],
  paid: ['partially_shipped', 'shipped', 'partially_refunded', 'refunded'],
  partially_shipped: ['shipped', 'partially_refunded', 'refunded'],
  // A unit's 验收 of a paid purchase order completes it (domain/receipt statusOnReceipt).
  shipped: ['delivered', 'completed', 'partially_refunded', 'refunded'],
  delivered: ['completed', 'partially_refunded', 'refunded'],
  completed: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded', 'partially_shipped', 'shipped', 'delivered'],
  cancelled: ['pending_payment'],
  expired: ['pending_payment'],
  refunded: [],
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`illegal order transition ${from} -> ${to}`);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** The status an order takes when its balance is paid: awaiting payment → paid; a shipped pay-later order keeps its status. */
export function statusWhenPaid(s: OrderStatus): OrderStatus {
  return s === 'pending_payment' ? 'paid' : s;
}

/** After a refund of a paid order: refunded when it holds no money any more. */
export function statusAfterRefund({ heldFen }: { heldFen: bigint }): OrderStatus {
  return heldFen <= 0n ? 'refunded' : 'partially_refunded';
}

/** The statuses in which an approved pay-later order not yet paid can still be shipped. */
export const SHIPPABLE_UNPAID: readonly OrderStatus[] = ['pending_payment', 'partially_shipped'];

/**
 * Whether a supplier may ship an order: a paid one (not refunded in full), or a pay-later (先货后款)
 * unit order once approved, before it is paid.
 */
export function isShippable(o: {
  status: OrderStatus;
  paidAt: Date | null;
  paymentTerms: string;
  decidedAt: Date | null;
}): boolean {
  if (o.paidAt) return ['paid', 'partially_shipped', 'partially_refunded'].includes(o.status);
  return o.paymentTerms === 'pay_later' && o.decidedAt !== null && SHIPPABLE_UNPAID.includes(o.status);
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_approval: '待审批',
  pending_payment: '待付款',
  paid: '已付款',
  partially_shipped: '部分发货',
  shipped: '已发货',
  delivered: '已签收',
  completed: '已完成',
  cancelled: '已取消',
  expired: '已超时关闭',
  partially_refunded: '部分退款',
  refunded: '已退款',
};
