/**
 * 售后 (after-sales) for retail orders: 退货退款 or 仅退款 on one order line, within 7 days of receipt,
 * except the no-reason return of goods their supplier marked 鲜活易腐 or 定制 (消费者权益保护法 §25);
 * a quality problem is always accepted for review. The supplier answers within 48 hours; a refusal or a
 * missed deadline goes to the programme office, which decides. The case's state machine is here.
 */
const HOUR_MS = 3_600_000;
export const AFTER_SALES_DAYS = 7;
export const SUPPLIER_ANSWER_HOURS = 48;
export const MAX_AFTER_SALES_PHOTOS = 3;

/** What the supplier marks a product as (stated on the product page before purchase). */
export const AFTER_SALES_CLASSES = ['standard', 'perishable', 'custom'] as const;
export type AfterSalesClass = (typeof AFTER_SALES_CLASSES)[number];
export const AFTER_SALES_CLASS_LABELS: Record<AfterSalesClass, string> = {
  standard: '支持七天无理由退货',
  perishable: '鲜活易腐商品，不支持七天无理由退货（质量问题可申请售后）',
  custom: '定制商品，不支持七天无理由退货（质量问题可申请售后）',
};

export const AFTER_SALES_KINDS = ['return_refund', 'refund_only'] as const;
export type AfterSalesKind = (typeof AFTER_SALES_KINDS)[number];
export const AFTER_SALES_KIND_LABELS: Record<AfterSalesKind, string> = {
  return_refund: '退货退款',
  refund_only: '仅退款',
};

export const AFTER_SALES_REASONS = ['no_reason', 'quality', 'not_as_described', 'damaged', 'wrong_item'] as const;
export type AfterSalesReason = (typeof AFTER_SALES_REASONS)[number];
export const AFTER_SALES_REASON_LABELS: Record<AfterSalesReason, string> = {
  no_reason: '七天无理由',
  quality: '质量问题',
  not_as_described: '与描述不符',
  damaged: '运输破损',
  wrong_item: '发错货或少发',
};

/** Every reason other than the no-reason return is a problem with the goods, always accepted for review. */
export const isQualityReason = (r: AfterSalesReason) => r !== 'no_reason';

export const AFTER_SALES_STATUSES = [
  'requested', // 待商家处理
  'office_review', // 待消费帮扶办公室处理
  'awaiting_return', // 待买家寄回
  'return_shipped', // 买家已寄回，待确认退款
  'refunded', // 已退款
  'rejected', // 未通过
] as const;
export type AfterSalesStatus = (typeof AFTER_SALES_STATUSES)[number];
export const AFTER_SALES_STATUS_LABELS: Record<AfterSalesStatus, string> = {
  requested: '待商家处理',
  office_review: '待消费帮扶办公室处理',
  awaiting_return: '待买家寄回商品',
  return_shipped: '买家已寄回，待确认退款',
  refunded: '已退款',
  rejected: '售后申请未通过',
};

/** Cases that still hold a decision or a refund (the queues). */
export const OPEN_AFTER_SALES: readonly AfterSalesStatus[] = [
  'requested',
  'office_review',
  'awaiting_return',
  'return_shipped',
];

/** Why a request is refused, or null when it may be filed. */
export function afterSalesRefusal(p: {
  receivedAt: Date | null;
  now: Date;
  productClass: AfterSalesClass;
  reason: AfterSalesReason;
  quantity: number;
  lineQuantity: number;
}): string | null {
  if (!p.receivedAt) return '请先确认收货，再申请售后';
  if (p.now.getTime() > afterSalesWindowEnd(p.receivedAt).getTime())
    return `已超过售后期限（确认收货后 ${AFTER_SALES_DAYS} 天内可申请）`;
  if (!Number.isInteger(p.quantity) || p.quantity < 1 || p.quantity > p.lineQuantity)
    return `退款数量须为 1 到 ${p.lineQuantity} 件`;
  if (p.reason === 'no_reason' && p.productClass !== 'standard')
    return `${p.productClass === 'perishable' ? '鲜活易腐' : '定制'}商品不支持七天无理由退货；如有质量问题，请选择质量问题并上传照片`;
  return null;
}

export const afterSalesWindowEnd = (receivedAt: Date) =>
  new Date(receivedAt.getTime() + AFTER_SALES_DAYS * 24 * HOUR_MS);
export const supplierAnswerDeadline = (requestedAt: Date) =>
  new Date(requestedAt.getTime() + SUPPLIER_ANSWER_HOURS * HOUR_MS);

/** The goods refunded for a case: the line's unit price × the quantity, never more than the line still holds. */
export function afterSalesAmount(p: { unitPriceFen: number; quantity: number; lineRemainingFen: bigint }): bigint {
  const asked = BigInt(p.unitPriceFen) * BigInt(p.quantity);
  return asked < p.lineRemainingFen ? asked : p.lineRemainingFen;
}

export type AfterSalesStep =
  | { by: 'supplier'; decision: 'agree' | 'disagree' }
  | { by: 'office'; decision: 'approve' | 'reject' }
  | { by: 'system'; decision: 'escalate' }
  | { by: 'buyer'; decision: 'ship_return' }
  | { by: 'supplier' | 'office'; decision: 'confirm_return' };

/**
 * The state machine: the status a step leads to from `from`, or null when it is not allowed there (a
 * replayed decision, a decision by the wrong side). An accepted 仅退款 goes straight to the refund
 * ('refunded' is written by the caller once the refund is recorded); an accepted 退货退款 waits for the
 * goods to come back.
 */
export function nextAfterSalesStatus(
  from: AfterSalesStatus,
  kind: AfterSalesKind,
  step: AfterSalesStep,
): AfterSalesStatus | null {
  const accepted: AfterSalesStatus = kind === 'return_refund' ? 'awaiting_return' : 'refunded';
  switch (step.decision) {
    case 'agree':
      return from === 'requested' ? accepted : null;
    case 'disagree':
    case 'escalate':
      return from === 'requested' ? 'office_review' : null;
    case 'approve':
      return from === 'office_review' ? accepted : null;
    case 'reject':
      return from === 'office_review' ? 'rejected' : null;
    case 'ship_return':
      return from === 'awaiting_return' ? 'return_shipped' : null;
    case 'confirm_return':
      return from === 'return_shipped' ? 'refunded' : null;
  }
}

/** A supplier's missed deadline sends the case to the office. */
export const isSupplierOverdue = (c: { status: AfterSalesStatus; supplierDeadline: Date }, now: Date) =>
  c.status === 'requested' && now.getTime() > c.supplierDeadline.getTime();
