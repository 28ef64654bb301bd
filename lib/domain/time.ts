/** China Standard Time (UTC+8, no daylight saving) display: 2026-11-29 14:05. */
export function formatChinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
