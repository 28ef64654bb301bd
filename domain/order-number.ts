import { chinaDate } from './time';

/** Human-readable order numbers: GJ + the China-time date + a per-database sequence, e.g. GJ20261129-000123. */
export function formatOrderNo(now: Date, seq: bigint | number): string {
  const day = chinaDate(now).replaceAll('-', '');
  return `GJ${day}-${String(seq).padStart(6, '0')}`;
}

export const ORDER_NO_PATTERN = /^GJ\d{8}-\d{6,}$/;
