/**
 * China Standard Time (UTC+8, no daylight saving): every date boundary in the store (programme years,
 * order-number days, certificate validity, report months) goes through this module.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant shifted so that its UTC fields read China wall time (for formatting only). */
const wall = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS);

/**
 * An instant as a Date whose UTC fields read China wall time, for spreadsheets: Excel and WPS store dates
 * without a time zone, so a cell written with this shows 10:13 for a purchase made at 10:13 Beijing time.
 */
export function chinaWallClock(d: Date): Date {
  return wall(d);
}

/** Today's (or an instant's) date in China time as YYYY-MM-DD. */
export function chinaDate(now: Date = new Date()): string {
  return wall(now).toISOString().slice(0, 10);
}

/** China wall time for display: 2026-11-29 14:05. */
export function formatChinaDateTime(d: Date): string {
  return wall(d).toISOString().slice(0, 16).replace('T', ' ');
}

/** An instant in RFC 3339 with the +08:00 offset, to the second rounded down (WeChat Pay's time_expire): 2026-11-29T14:05:09+08:00. */
export function chinaRfc3339(d: Date): string {
  return `${wall(new Date(Math.floor(d.getTime() / 1000) * 1000))
    .toISOString()
    .slice(0, 19)}+08:00`;
}

/** The China-time year of an instant. */
export function chinaYear(at: Date = new Date()): number {
  return wall(at).getUTCFullYear();
}

/** The instant a China-time calendar day starts (month is 1-based). */
export function chinaMidnight(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS);
}

/** A China wall time typed into a form (YYYY-MM-DDTHH:MM, e.g. datetime-local) as an instant; null if invalid. */
export function chinaWallTimeToInstant(local: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const utc = Date.parse(`${local}:00Z`);
  return Number.isNaN(utc) ? null : new Date(utc - CHINA_OFFSET_MS);
}

/** The instants a China-time year runs between: [from, to). */
export function chinaYearBounds(year: number): { from: Date; to: Date } {
  return { from: chinaMidnight(year, 1, 1), to: chinaMidnight(year + 1, 1, 1) };
}

/** A China-time date N days after (or before) today, as YYYY-MM-DD. */
export function chinaDateOffset(days: number, now: Date = new Date()): string {
  return chinaDate(new Date(now.getTime() + days * 86_400_000));
}

/** A report month typed as YYYY-MM (2020-01 … 2100-12); null when it is not one. */
export function parseChinaMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  return year < 2015 || year > 2100 ? null : { year, month: Number(m[2]) };
}

/** The China-time month of an instant as YYYY-MM. */
export function chinaMonth(at: Date = new Date()): string {
  return chinaDate(at).slice(0, 7);
}

/** The instants a China-time month runs between: [from, to), and its first and last dates (YYYY-MM-DD). */
export function chinaMonthBounds(year: number, month: number): { from: Date; to: Date; first: string; last: string } {
  const from = chinaMidnight(year, month, 1);
  const to = month === 12 ? chinaMidnight(year + 1, 1, 1) : chinaMidnight(year, month + 1, 1);
  return { from, to, first: chinaDate(from), last: chinaDate(new Date(to.getTime() - 1)) };
}

/** A calendar date (YYYY-MM-DD) moved by N days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant a China-time calendar date (YYYY-MM-DD) starts. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** China wall time to the second, as payment gateways take it: 2026-11-29 14:05:09 (never later than the instant). */
export function formatChinaSeconds(d: Date): string {
  return wall(d).toISOString().slice(0, 19).replace('T', ' ');
}
