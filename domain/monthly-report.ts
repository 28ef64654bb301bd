import { addDays } from './time';

/**
 * The monthly 通报 (一月一监测、一月一分析、一月一汇总、一月一通报) the programme office sends upward.
 * Its sales figures follow domain/target-accounting; its payout figures domain/benefit. These are the
 * report's own rules: the pledge pace and the payout gap.
 */

/** Whole days from 1 January to `day` (China dates), both included: 1 on 1 January. */
export function dayOfYear(day: string): number {
  return (
    Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${day.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000) + 1
  );
}

export function daysInYear(year: number): number {
  return dayOfYear(`${year}-12-31`);
}

/** What a unit should have bought by `asOf` to be on pace for its pledge: pledge × elapsed share of the year, rounded down. */
export function pledgePaceFen(pledgeFen: bigint, asOf: string): bigint {
  if (pledgeFen <= 0n) return 0n;
  const year = Number(asOf.slice(0, 4));
  return (pledgeFen * BigInt(dayOfYear(asOf))) / BigInt(daysInYear(year));
}

/** The date a report month is read as of: its last day, or today while the month is still running. */
export function reportAsOf(monthLast: string, today: string): string {
  return today < monthLast ? today : monthLast;
}

/** The first day of the window in which a supplier with sales must have recorded a payout (90 days to `asOf`). */
export function payoutGapStart(asOf: string, gapDays: number): string {
  return addDays(asOf, -(gapDays - 1));
}
