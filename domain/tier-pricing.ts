import { fenToYuanText } from './money';

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

/**
 * Tier prices as a manager types them, one per line: "数量 价格", e.g. "10 65.00" or "50件 ¥60".
 * Returns the tiers, or the first line's problem in Chinese.
 */
export function parseTierText(text: string, basePriceFen: number): { tiers: Tier[] } | { error: string } {
  const tiers: Tier[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 10) return { error: '阶梯价最多 10 档' };
  for (const [i, line] of lines.entries()) {
    const m = /^(\d{1,6})\s*(?:件|份|箱|个)?\s*[,，=:：\s]\s*[¥￥]?\s*(\d{1,7}(?:\.\d{1,2})?)\s*元?$/.exec(line);
    if (!m) return { error: `第 ${i + 1} 行格式应为「数量 单价」，如「10 65.00」` };
    const [yuan, cents = ''] = m[2]!.split('.');
    tiers.push({ minQuantity: Number(m[1]), priceFen: Number(yuan) * 100 + Number(cents.padEnd(2, '0')) });
  }
  const err = validateTiers(basePriceFen, tiers);
  return err ? { error: err } : { tiers: tiers.sort((a, b) => a.minQuantity - b.minQuantity) };
}

/** The inverse of parseTierText, for the editor. */
export function formatTierText(tiers: readonly Tier[]): string {
  return tiers.map((t) => `${t.minQuantity} ${fenToYuanText(t.priceFen)}`).join('\n');
}
