import { z } from 'zod';

/** A certificate number as printed: letters, digits and dashes. */
export const certificateNoSchema = z
  .string()
  .trim()
  .min(1, '请输入认定证书编号')
  .max(40, '证书编号不能超过 40 个字符')
  .regex(/^[A-Za-z0-9-]+$/, '证书编号只包含字母、数字和短横线')
  .transform((s) => s.toUpperCase());
