/** Chinese labels for stored enum values, kept in one place. */
export const SUPPLIER_TYPE_LABELS = {
  cooperative: '合作社',
  enterprise: '企业',
  workshop: '扶贫车间',
} as const;

export const SORT_LABELS = {
  newest: '最新上架',
  sales: '销量优先',
  price_asc: '价格从低到高',
  price_desc: '价格从高到低',
} as const;

/** Benefit share in basis points as a percentage: 4500 -> "45%", 1250 -> "12.5%". */
export function bpsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = bps % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
