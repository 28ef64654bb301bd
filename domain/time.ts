/**
 * China Standard Time (UTC+8, no daylight saving): every date boundary in the store (programme years,
 * order-number days, certificate validity, report months) goes through this module.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000;

/** The instant shifted so that its UTC fields read China wall time (for formatting only). */
const wall = (d: Date) => new Date(d.getTime() + CHINA_OFFSET_MS);

/** Today's (or an instant's) date in China time as YYYY-MM-DD. */
export function chinaDate(now: Date = new Date()): string {
  return wall(now).toISOString().slice(0, 10);
}

/** China wall time for display: 2026-11-29 14:05. */
export function formatChinaDateTime(d: Date): string {
  return wall(d).toISOString().slice(0, 16).replace('T', ' ');
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
