import { z } from 'zod';
import { readYuanInput } from '@/domain/money';

/** Said when an amount could be read two ways ("3,00", "3.000,50"): nothing is guessed. */
export const AMBIGUOUS_YUAN = '金额写法有歧义：千位分隔符须每三位一组，小数点后最多两位，如 3,000.50';

/**
 * The one yuan→fen form field: "12", "12.5", "3,000", "¥3,000.00", "３０００元" become integer fen (a number;
 * `.transform((n) => BigInt(n))` for totals). Amounts outside [minFen, maxFen] get `invalid`.
 */
export function yuanField({
  required,
  invalid,
  minFen = 1,
  maxFen,
}: {
  /** When the field is missing. */
  required?: string;
  invalid: string;
  minFen?: number;
  maxFen?: number;
}) {
  return z
    .string(required)
    .trim()
    .transform((v, ctx) => {
      const r = readYuanInput(v);
      if (!r.ok && r.reason === 'ambiguous') {
        ctx.addIssue({ code: 'custom', message: AMBIGUOUS_YUAN });
        return z.NEVER;
      }
      const fen = r.ok ? r.fen : null;
      if (fen === null || fen < minFen || (maxFen !== undefined && fen > maxFen)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return fen;
    });
}
