import { formatFen } from './money';
import { APPROVAL_HOLD_DAYS } from './purchase-order';

/**
 * How much stock an order may hold, and for how long. A government unit's purchase order holds its
 * stock for 7 days while it waits for approval. Retail orders of guests and of accounts that are not
 * members of a verified unit are capped so that nobody can empty a product anonymously: units per line
 * and amount per order, a number of open unpaid orders per contact mobile, account and client address,
 * and a shorter hold. The caps are far above what a household buys (GUEST_* in lib/env.ts).
 */
export type HoldPolicy = {
  maxLineQuantity: number;
  maxOrderFen: bigint;
  maxOpenOrders: number;
  holdMinutes: number;
};

/** Minutes an order holds its stock before the expiry sweep closes it. */
export function holdMinutes(p: {
  unitOrder: boolean;
  capped: boolean;
  paymentTimeoutMinutes: number;
  cappedHoldMinutes: number;
}): number {
  if (p.unitOrder) return APPROVAL_HOLD_DAYS * 24 * 60;
  return p.capped ? Math.min(p.cappedHoldMinutes, p.paymentTimeoutMinutes) : p.paymentTimeoutMinutes;
}

/** The first cap a capped buyer's order breaks, as a Chinese message with its field, or null. */
export function holdCapProblem(
  order: { lines: { slug: string; name: string; quantity: number }[]; itemsFen: bigint },
  policy: HoldPolicy,
): { message: string; fields: Record<string, string> } | null {
  const over = order.lines.filter((l) => l.quantity > policy.maxLineQuantity);
  if (over.length) {
    const per = `每种商品每单最多 ${policy.maxLineQuantity} 件`;
    return {
      message: `${per}（${over.map((l) => l.name).join('、')}）；单位批量采购请用单位账号“批量下单”`,
      fields: Object.fromEntries(over.map((l) => [l.slug, per])),
    };
  }
  if (order.itemsFen > policy.maxOrderFen) {
    const message = `每笔订单商品金额最多 ${formatFen(policy.maxOrderFen)}，请分开下单或使用单位账号批量采购`;
    return { message, fields: { items: message } };
  }
  return null;
}

/** Which open-order count is at the cap (mobile, account or address), or null. */
export function openOrderCapHit(
  counts: { mobile: number; account: number; address: number },
  policy: HoldPolicy,
): 'mobile' | 'account' | 'address' | null {
  if (policy.maxOpenOrders === 0) return null; // no cap (load tests)
  for (const k of ['mobile', 'account', 'address'] as const) if (counts[k] >= policy.maxOpenOrders) return k;
  return null;
}

export const OPEN_ORDER_CAP_MESSAGE = {
  mobile: '该手机号已有多笔待付款订单',
  account: '您已有多笔待付款订单',
  address: '当前网络已有多笔待付款订单',
} as const;
