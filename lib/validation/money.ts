import { z } from 'zod';
import { parseYuanInput } from '@/domain/money';

/**
 * The one yuan→fen form field: "12", "12.5", "3,000", "¥3,000.00" become integer fen (a number;
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
      const fen = parseYuanInput(v);
      if (fen === null || fen < minFen || (maxFen !== undefined && fen > maxFen)) {
        ctx.addIssue({ code: 'custom', message: invalid });
        return z.NEVER;
      }
      return fen;
    });
}
