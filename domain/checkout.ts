/** Checkout rules: line merging, quantity limits, prices and shipping. Prices always come from the database. */
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_LINES = 50;
export const FREE_SHIPPING_FROM_FEN = 9_900n;
export const SHIPPING_FEN = 800n;

export type RequestedLine = { slug: string; quantity: number };

/** How an order is paid; also the database enum 'payment_method' (append only). */
export const PAYMENT_METHODS = ['stripe', 'simulated', 'bank_transfer', 'alipay', 'wechat'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The ways a buyer may pay at checkout, in the order they are offered (those configured, lib/payments/providers.ts). */
export const CHECKOUT_METHODS = ['alipay', 'wechat', 'stripe', 'simulated'] as const satisfies readonly PaymentMethod[];
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

/** Lines for the same product are summed before any stock check. */
export function mergeLines(lines: readonly RequestedLine[]): RequestedLine[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.slug, (merged.get(l.slug) ?? 0) + l.quantity);
  return [...merged].map(([slug, quantity]) => ({ slug, quantity }));
}

/**
 * A quantity above the stock is refused with the stock shown, never cut down to it silently (product
 * page and cart alike). `inCart` is what the cart already holds of the product. Lowering a quantity is
 * always allowed, even while it is still above a stock that fell since.
 */
export function stockRefusal({
  quantity,
  stock,
  inCart = 0,
}: {
  quantity: number;
  stock: number;
  inCart?: number;
}): string | null {
  if (quantity <= stock || quantity <= inCart) return null;
  if (stock <= 0) return '该商品已售罄';
  if (inCart > 0) return `库存不足：该商品仅剩 ${stock} 件，购物车中已有 ${inCart} 件`;
  return `库存不足：该商品仅剩 ${stock} 件`;
}

/** 8 yuan shipping under 99 yuan of goods, free from 99 yuan. Shipping never counts toward the target. */
export function shippingFor(itemsFen: bigint): bigint {
  return itemsFen === 0n || itemsFen >= FREE_SHIPPING_FROM_FEN ? 0n : SHIPPING_FEN;
}

export type PricedLine = { productId: number; quantity: number; unitPriceFen: number; lineTotalFen: bigint };

export function priceOrder(lines: readonly { productId: number; quantity: number; unitPriceFen: number }[]): {
  lines: PricedLine[];
  itemsFen: bigint;
  shippingFen: bigint;
  totalFen: bigint;
} {
  const priced = lines.map((l) => ({ ...l, lineTotalFen: BigInt(l.unitPriceFen) * BigInt(l.quantity) }));
  const itemsFen = priced.reduce((s, l) => s + l.lineTotalFen, 0n);
  const shippingFen = shippingFor(itemsFen);
  return { lines: priced, itemsFen, shippingFen, totalFen: itemsFen + shippingFen };
}
