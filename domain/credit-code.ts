/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set, the last a check character.
 * C18 = 31 − (Σ Ci·Wi mod 31) with Wi = 3^(i−1) mod 31; a result of 31 is written '0'.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The check character for the first 17 characters, or null if any is outside the character set. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

/** Upper-cases and strips spaces, as people type codes from paper certificates. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function isValidCreditCode(input: string): boolean {
  const code = normalizeCreditCode(input);
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/** Completes a 17-character body with its check character (used by seeds and tests). */
export function withCreditCodeCheck(first17: string): string {
  const c = creditCodeCheckChar(first17);
  if (!c) throw new Error(`not a credit code body: ${first17}`);
  return first17 + c;
}
