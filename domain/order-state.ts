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

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_approval: ['pending_payment', 'cancelled', 'expired'],
  pending_payment: ['paid', 'cancelled', 'expired'],
  paid: ['partially_shipped', 'shipped', 'partially_refunded', 'refunded'],
  partially_shipped: ['shipped', 'partially_refunded', 'refunded'],
  shipped: ['delivered', 'partially_refunded', 'refunded'],
  delivered: ['completed', 'partially_refunded', 'refunded'],
  completed: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded', 'partially_shipped', 'shipped', 'delivered'],
  cancelled: [],
  expired: [],
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

/** Statuses in which the money has been received (fully or partly kept). */
export function isPaidStatus(s: OrderStatus): boolean {
  return ['paid', 'partially_shipped', 'shipped', 'delivered', 'completed', 'partially_refunded'].includes(s);
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
