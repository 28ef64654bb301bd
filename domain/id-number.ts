/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0–9 or X) computed from them
 * (ISO 7064 MOD 11-2). Used to refuse typing errors before an ID number is encrypted and stored.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Whether an ID number is well formed: 18 characters, a plausible birth date, the right check character. */
export function isValidIdNumber(input: string): boolean {
  const v = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  const t = Date.parse(`${birth}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== birth || v.slice(6, 8) < '19') return false;
  return idNumberCheckChar(v) === v[17];
}

/** An ID number masked for display: 5325********1234. */
export function maskIdNumber(v: string): string {
  return v.length < 8 ? '****' : `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** A name masked for display: 普春梅 -> 普**. */
export function maskName(v: string): string {
  const chars = [...v.trim()];
  return chars.length ? `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}` : '';
}
