/** Money is integer fen (分). These helpers format and parse it without floating point. */

export type Fen = bigint | number;

function toBigInt(fen: Fen): bigint {
  if (typeof fen === 'bigint') return fen;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be an integer, got ${fen}`);
  return BigInt(fen);
}

/** 123450 -> "¥1,234.50"; negative amounts get a leading minus: "-¥3.00". */
export function formatFen(fen: Fen): string {
  const v = toBigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}¥${yuan}.${cents}`;
}

/** The parts of a price for display with a small ¥: { yuan: "1,234", cents: "50" }. */
export function fenParts(fen: Fen): { yuan: string; cents: string } {
  const s = formatFen(fen);
  const [yuan = '', cents = ''] = s.replace('¥', '').split('.');
  return { yuan, cents };
}

/** Parses a yuan amount typed by a person ("12", "12.5", "12.50") into fen; null when it is not one. */
export function parseYuanToFen(input: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  const yuan = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return yuan * 100 + cents;
}

/** Why a typed amount was refused: not an amount at all, or one that could be read two ways. */
export type YuanInputRefusal = 'invalid' | 'ambiguous';

/**
 * A yuan amount as people type it into a form, in full-width too (NFKC): a leading ¥ (or ￥) or a
 * trailing 元, and thousands separators in groups of three ("¥3,000.50", "3，000", "40,000,000").
 * Input that could be read two ways is refused as `ambiguous`: separators not in groups of three
 * ("3,00", "30,0000"), a comma after the decimal point or used as one ("3.000,50", "3,5"), two points.
 * Returns fen, or why not; parseYuanInput is the same as a number or null.
 */
export function readYuanInput(input: string): { ok: true; fen: number } | { ok: false; reason: YuanInputRefusal } {
  const s = input
    .normalize('NFKC')
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/\s*元$/, '');
  const grouped = /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s);
  // Digits split by separators some other way: "3,00", "3,5", "3.000,50", "3.000.00", "1.234".
  if (!grouped && /^\d+([.,]\d+)+$/.test(s) && !/^\d+\.\d{1,2}$/.test(s)) return { ok: false, reason: 'ambiguous' };
  if (s.includes(',') && !grouped) return { ok: false, reason: 'invalid' };
  const fen = parseYuanToFen(s.replace(/,/g, ''));
  return fen === null ? { ok: false, reason: 'invalid' } : { ok: true, fen };
}

/** readYuanInput as fen, or null when it is not (unambiguously) an amount. */
export function parseYuanInput(input: string): number | null {
  const r = readYuanInput(input);
  return r.ok ? r.fen : null;
}

/** Sum of fen amounts as bigint. */
export function sumFen(values: Iterable<Fen>): bigint {
  let total = 0n;
  for (const v of values) total += toBigInt(v);
  return total;
}

/** Multiplies a unit price by a quantity, exactly. */
export function lineTotalFen(unitPriceFen: number, quantity: number): bigint {
  return toBigInt(unitPriceFen) * toBigInt(quantity);
}

/** Progress as basis points (0..10000+) of a target, rounded down, exact for any bigint sizes. */
export function progressBps(countedFen: bigint, targetFen: bigint): number {
  if (targetFen <= 0n) return 0;
  return Number((countedFen * 10000n) / targetFen);
}

/**
 * Basis points as a percentage, the one percent format: "12.34%" (progress, always two decimals), or
 * with `trim` the short form for shares and rates, 4500 -> "45%", 1250 -> "12.5%".
 */
export function formatBps(bps: number, { trim = false }: { trim?: boolean } = {}): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(Math.abs(bps % 100)).padStart(2, '0');
  if (!trim) return `${whole}.${frac}%`;
  const short = frac.replace(/0+$/, '');
  return short ? `${whole}.${short}%` : `${whole}%`;
}

/** Fen as a plain yuan amount for form fields: 1250 -> "12.50", 1200 -> "12". */
export function fenToYuanText(fen: Fen): string {
  const v = toBigInt(fen);
  const neg = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const cents = abs % 100n;
  return cents === 0n ? `${neg}${abs / 100n}` : `${neg}${abs / 100n}.${cents.toString().padStart(2, '0')}`;
}

/** Fen as a decimal yuan amount with two places, as payment gateways take it: 1250 -> "12.50", 5 -> "0.05". */
export function fenToDecimalYuan(fen: Fen): string {
  const v = toBigInt(fen);
  if (v < 0n) throw new RangeError('a payment amount is never negative');
  return `${v / 100n}.${(v % 100n).toString().padStart(2, '0')}`;
}

/** A gateway's decimal yuan amount ("12.50", "12.5", "12") as fen; null when it is not exactly one. */
export function decimalYuanToFen(text: string): bigint | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
}
