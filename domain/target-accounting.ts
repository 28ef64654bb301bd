import { chinaYear, chinaYearBounds } from './time';
/**
 * The accounting rule for the programme target (reported upward, so it is one rule, used by every
 * page, the API and every export):
 *
 * - Counted sales are the paid amounts of order lines whose product was certified (认定在有效期内)
 *   at the moment of sale, minus refunds of those lines.
 * - A sale is dated by its payment, a refund by its refund; both in China time (UTC+8), so a year is
 *   1 January 00:00 to 31 December 24:00 Beijing time.
 * - Shipping is never counted. Lines of uncertified products are recorded and shown apart, never counted.
 * - The ledger (one row per paid line and per refund part) is written in the payment's transaction;
 *   the rollups are written in the same transaction, so every figure traces to order lines.
 */
/** The setting that names the programme year the office reports on (else the latest target's year). */
export const PROGRAMME_YEAR_SETTING = 'programme_year';

/** Where a sale came from; also the database enum 'sales_channel' (append only). */
export const CHANNELS = ['online', 'unit', 'round', 'livestream'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channel a sale counts under: a unit's order at a promotion round or not, a livestream's, or online. */
export function saleChannel(p: { unitOrder: boolean; roundId: number | null; livestreamId: number | null }): Channel {
  if (p.unitOrder) return p.roundId ? 'round' : 'unit';
  return p.livestreamId ? 'livestream' : 'online';
}

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '公众线上购买',
  unit: '单位采购',
  round: '推介会采购',
  livestream: '直播带货',
};

export const DEFAULT_TARGET_FEN = 4_000_000_000n;

/** The instants a programme year (a China-time calendar year) runs between: [from, to). */
export const programmeYearBounds = chinaYearBounds;
export { chinaYear };

/** 带贫收益估算: counted sales × the supplier's benefit share, rounded down to the fen. */
export function benefitEstimateFen(countedFen: bigint, shareBps: number): bigint {
  if (countedFen <= 0n) return 0n;
  return (countedFen * BigInt(shareBps)) / 10_000n;
}

/** Progress as a fraction for the API, to 6 decimals (the bar uses basis points). */
export function progressFraction(countedFen: bigint, targetFen: bigint): number {
  if (targetFen <= 0n) return 0;
  return Number((countedFen * 1_000_000n) / targetFen) / 1_000_000;
}

export type DayPoint = { day: string; countedFen: bigint; uncountedFen: bigint };

/** The Monday (YYYY-MM-DD) of a date's week. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Daily points summed into weeks (Monday first), oldest first. */
export function toWeeks(days: readonly DayPoint[]): DayPoint[] {
  const m = new Map<string, DayPoint>();
  for (const p of days) {
    const w = weekOf(p.day);
    const cur = m.get(w) ?? { day: w, countedFen: 0n, uncountedFen: 0n };
    cur.countedFen += p.countedFen;
    cur.uncountedFen += p.uncountedFen;
    m.set(w, cur);
  }
  return [...m.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** How the figures on /impact are made, shown on the page itself. */
export const METHOD_TEXT = [
  '计入目标的销售额 = 已付款订单中、下单时处于认定有效期内的扶贫产品的商品金额，减去这些商品的退款；不含运费。',
  '销售按付款时间、退款按退款时间计入（北京时间）。未认定商品的销售单独列出，不计入目标。',
  '带贫收益估算 = 各供应商计入目标的销售额 × 该供应商经消费扶贫办公室核定的带贫分成比例，逐户估算，仅供参考。',
];
