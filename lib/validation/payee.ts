import { z } from 'zod';
import { ACCOUNT_NO_PATTERN, EMPTY_PAYEE, PAYEE_FIELDS, accountDigits, type Payee } from '@/domain/payee';

const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(2, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

/** 收款账户 as the office submits it (/admin/settings), and as it is read back from the settings table. */
export const payeeSchema = z.object({
  accountName: text('户名', PAYEE_FIELDS[0].max),
  bank: text('开户行', PAYEE_FIELDS[1].max),
  accountNo: z
    .string('请填写账号')
    .transform((v) => v.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .max(PAYEE_FIELDS[2].max, `账号不能超过 ${PAYEE_FIELDS[2].max} 个字符`)
        .refine((v) => ACCOUNT_NO_PATTERN.test(v), '账号只能包含数字，可用空格或短横线分组')
        .refine((v) => accountDigits(v).length >= 8 && accountDigits(v).length <= 30, '账号须为 8 到 30 位数字'),
    ),
});

/** The stored account, or empty fields when it was never set or is no longer valid. */
export function parseStoredPayee(raw: unknown): Payee {
  const r = payeeSchema.safeParse(raw ?? {});
  return r.success ? r.data : EMPTY_PAYEE;
}
