'use server';

import { z } from 'zod';
import { setProgrammeTarget } from '@/lib/programme/settings';
import { requireAdmin } from '@/lib/auth/guards';
import { yuanField } from '@/lib/validation/money';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 目标设置: the programme year and its target amount (default ¥40,000,000). */
export const setTargetAction = validatedAction(
  z.object({
    year: z.coerce
      .number('请填写年度')
      .int('年度应为整数')
      .min(2015, '年度应在 2015–2100 之间')
      .max(2100, '年度应在 2015–2100 之间'),
    amount: yuanField({
      required: '请填写目标金额',
      invalid: '目标金额应为大于 0 的元数，最多两位小数',
    }).transform((n) => BigInt(n)),
  }),
  async ({ year, amount }) => {
    const admin = await requireAdmin();
    await setProgrammeTarget({ year, targetFen: amount, actorId: admin.id });
    invalidate.target();
    return { ok: true, message: `已设置 ${year} 年目标` };
  },
);
