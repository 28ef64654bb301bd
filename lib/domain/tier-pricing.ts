/** 单位阶梯价: government units pay the tier price of the largest tier their quantity reaches. */
export type Tier = { minQuantity: number; priceFen: number };

export function unitPriceFor(basePriceFen: number, tiers: readonly Tier[], quantity: number): number {
  let price = basePriceFen;
  let reached = 0;
  for (const t of tiers) {
    if (quantity >= t.minQuantity && t.minQuantity > reached) {
      reached = t.minQuantity;
      price = t.priceFen;
    }
  }
  return Math.min(price, basePriceFen);
}

/** Tiers sorted by quantity, each cheaper than the one before; anything else is a data error. */
export function validateTiers(basePriceFen: number, tiers: readonly Tier[]): string | null {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  let last = basePriceFen;
  let lastQty = 1;
  for (const t of sorted) {
    if (!Number.isInteger(t.minQuantity) || t.minQuantity <= lastQty) return '阶梯数量须大于 1 且逐级递增';
    if (!Number.isInteger(t.priceFen) || t.priceFen <= 0 || t.priceFen >= last) return '阶梯价须低于上一档价格';
    last = t.priceFen;
    lastQty = t.minQuantity;
  }
  return null;
}
