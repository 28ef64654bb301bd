/**
 * 大写金额: an amount in fen written in Chinese capital numerals, as on invoices and settlement sheets,
 * following the People's Bank rules: 整 after 元, none after 角 or 分; inner zeros written once as 零.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + SMALL[i]!;
  }
  return out;
}

function integerPart(yuan: bigint): string {
  if (yuan === 0n) return '';
  const parts: number[] = [];
  for (let v = yuan; v > 0n; v /= 10_000n) parts.push(Number(v % 10_000n));
  if (parts.length > SECTIONS.length) throw new RangeError('amount too large');
  let out = '';
  let zeroPending = false;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (p === 0) {
      if (out) zeroPending = true;
      continue;
    }
    if (out && (zeroPending || p < 1000)) out += '零';
    zeroPending = false;
    out += section(p) + SECTIONS[i]!;
  }
  return out;
}

export function capitalAmount(fen: bigint | number): string {
  const v = BigInt(fen);
  if (v < 0n) throw new RangeError('negative amount');
  const yuan = v / 100n;
  const jiao = Number((v / 10n) % 10n);
  const cents = Number(v % 10n);
  const int = integerPart(yuan);
  if (jiao === 0 && cents === 0) return `人民币${int || '零'}元整`;
  let out = int ? `${int}元` : '';
  if (jiao) out += `${DIGITS[jiao]}角`;
  else if (int) out += '零';
  if (cents) out += `${DIGITS[cents]}分`;
  return `人民币${out}`;
}
