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

/**
 * A yuan amount as people type it into a form: a leading ¥ (or ￥) and thousands separators are
 * allowed ("¥3,000.50"); the rest is parseYuanToFen's. Null when it is not an amount.
 */
export function parseYuanInput(input: string): number | null {
  const plain = input
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/(\d),(?=\d)/g, '$1');
  return parseYuanToFen(plain);
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
