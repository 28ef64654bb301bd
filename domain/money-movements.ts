/**
 * The money model: every movement of money (a payment or bank transfer received, a refund sent) is one
 * row with its provider's reference, amount in fen and currency. An order's paid and refunded figures
 * are sums of its rows; money no order could take is 待处理款项 (unmatched) until the programme office
 * applies it to its order or refunds it. These rules decide where received money goes.
 */
import { formatFen } from './money';
import type { OrderStatus } from './order-state';

/** Also the database enum 'movement_kind' (append only). */
export const MOVEMENT_KINDS = ['payment', 'transfer', 'refund'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/**
 * Also the database enum 'movement_state' (append only).
 * - applied: received money counted on its order (paid), or a refund of such money;
 * - unmatched: received money in 待处理款项, or a refund paid out of it;
 * - returned: unmatched money refunded in full.
 */
export const MOVEMENT_STATES = ['applied', 'unmatched', 'returned'] as const;
export type MovementState = (typeof MOVEMENT_STATES)[number];

/** Why received money could not be applied to an order. */
export const UNMATCHED_REASONS = [
  'unknown_order',
  'order_closed',
  'already_paid',
  'not_payable',
  'amount_mismatch',
  'currency_mismatch',
  'overpayment',
] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export const UNMATCHED_REASON_LABELS: Record<UnmatchedReason, string> = {
  unknown_order: '找不到对应订单',
  order_closed: '订单已取消或超时关闭',
  already_paid: '订单已付款（重复付款）',
  not_payable: '订单尚不能付款（待审批）',
  amount_mismatch: '金额与应付余额不符',
  currency_mismatch: '币种不是人民币',
  overpayment: '超出应付余额的部分',
};

/** The store takes money in renminbi only; the providers' lower-case code. */
export const STORE_CURRENCY = 'cny';

/** What the money rules read of an order. */
export type OrderMoney = {
  status: OrderStatus;
  paidAt: Date | null;
  totalFen: bigint;
  paidFen: bigint;
  refundedFen: bigint;
};

/** The money an order holds: received and applied, less refunded. */
export const heldFen = (o: Pick<OrderMoney, 'paidFen' | 'refundedFen'>): bigint => o.paidFen - o.refundedFen;

/** What an order is still owed: its total less the money it holds, never negative. */
export function balanceDue(o: Pick<OrderMoney, 'totalFen' | 'paidFen' | 'refundedFen'>): bigint {
  const due = o.totalFen - heldFen(o);
  return due > 0n ? due : 0n;
}

/**
 * Statuses in which an order not yet paid takes money: awaiting payment, or a pay-later (先货后款)
 * order shipped before it was paid.
 */
export const AWAITING_PAYMENT_STATUSES = ['pending_payment', 'partially_shipped', 'shipped', 'delivered'] as const;

export function awaitsPayment(o: Pick<OrderMoney, 'status' | 'paidAt'>): boolean {
  return o.paidAt === null && (AWAITING_PAYMENT_STATUSES as readonly string[]).includes(o.status);
}

export type Receipt = { appliedFen: bigint; unmatchedFen: bigint; reason: UnmatchedReason | null };

/**
 * Where received money goes. A provider that charged a quoted amount (`exact`: Stripe, the simulator)
 * is applied only when it is exactly the balance due, in renminbi, on an order awaiting payment;
 * otherwise all of it is unmatched. A bank transfer (not exact) applies up to the balance and the
 * excess is unmatched (overpayment).
 */
export function classifyReceipt(p: {
  order: OrderMoney | null;
  amountFen: bigint;
  currency: string;
  exact: boolean;
}): Receipt {
  const none = (reason: UnmatchedReason): Receipt => ({ appliedFen: 0n, unmatchedFen: p.amountFen, reason });
  const o = p.order;
  if (!o) return none('unknown_order');
  if (p.currency !== STORE_CURRENCY) return none('currency_mismatch');
  if (!awaitsPayment(o)) {
    if (o.paidAt !== null) return none('already_paid');
    return none(o.status === 'cancelled' || o.status === 'expired' ? 'order_closed' : 'not_payable');
  }
  const due = balanceDue(o);
  if (p.exact)
    return p.amountFen === due ? { appliedFen: p.amountFen, unmatchedFen: 0n, reason: null } : none('amount_mismatch');
  if (p.amountFen <= due) return { appliedFen: p.amountFen, unmatchedFen: 0n, reason: null };
  return { appliedFen: due, unmatchedFen: p.amountFen - due, reason: 'overpayment' };
}

/** An order closed (cancelled, expired) with no approver's rejection can be reopened by money that arrived late. */
export function mayReopen(o: { status: OrderStatus; rejectReason: string | null }): boolean {
  return (o.status === 'cancelled' || o.status === 'expired') && !o.rejectReason;
}

/**
 * Whether the programme office may apply unmatched money to its order: renminbi, an order awaiting
 * payment that it does not overpay, or a closed order it pays in full (which reopens it). The message
 * says why not.
 */
export function applicability(p: {
  order: (OrderMoney & { rejectReason: string | null }) | null;
  amountFen: bigint;
  currency: string;
}): { ok: true; reopen: boolean } | { ok: false; message: string } {
  const o = p.order;
  if (p.currency !== STORE_CURRENCY) return { ok: false, message: '外币款项不能计入订单，请退款' };
  if (!o) return { ok: false, message: '该款项没有对应的订单，请退款' };
  if (awaitsPayment(o)) {
    return p.amountFen <= balanceDue(o)
      ? { ok: true, reopen: false }
      : { ok: false, message: '款项超过订单应付余额，请退款' };
  }
  if (mayReopen(o) && heldFen(o) === 0n)
    return p.amountFen === o.totalFen
      ? { ok: true, reopen: true }
      : { ok: false, message: '订单已关闭，只有与订单金额相同的款项可以恢复订单，请退款' };
  return { ok: false, message: o.paidAt ? '订单已付款，请退款' : '该订单当前不能收款，请退款' };
}

/**
 * Splits a refund of an order's money across the movements that brought it in, newest first, each no
 * more than what is left of it. Throws when the refund exceeds what they hold.
 */
export function allocateAcrossSources<S extends { id: string; remainingFen: bigint }>(
  amountFen: bigint,
  sourcesOldestFirst: readonly S[],
): { source: S; amountFen: bigint }[] {
  let left = amountFen;
  const parts: { source: S; amountFen: bigint }[] = [];
  for (const s of [...sourcesOldestFirst].reverse()) {
    if (left === 0n) break;
    const take = s.remainingFen < left ? s.remainingFen : left;
    if (take > 0n) parts.push({ source: s, amountFen: take });
    left -= take;
  }
  if (left !== 0n || amountFen <= 0n) throw new RangeError(`refund ${amountFen} exceeds what the sources hold`);
  return parts;
}

/** Stripe's zero-decimal currencies: their amounts are whole units. */
const ZERO_DECIMAL = [
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
];

/** An amount in a provider's smallest unit with its currency: ¥ for renminbi, the ISO code otherwise. */
export function formatMoney(amount: bigint, currency: string): string {
  const c = currency.toLowerCase();
  if (c === STORE_CURRENCY) return formatFen(amount);
  if (ZERO_DECIMAL.includes(c)) return `${c.toUpperCase()} ${amount}`;
  return `${c.toUpperCase()} ${formatFen(amount).replace('¥', '')}`;
}
