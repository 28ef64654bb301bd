'use server';

import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/guards';
import { importStatement, MAX_STATEMENT_BYTES } from '@/lib/payments/statements';
import { dateField, fileField } from '@/lib/validation/listings';
import { validatedAction } from './safe-action';

/**
 * 导入对账单: the programme office reads a provider's statement of one day against the store's movements.
 * Returns the reconciliation (fen as strings) for the page to list; nothing of the store changes.
 */
export const importStatementAction = validatedAction(
  z.object({
    provider: z.enum(['alipay', 'wechat'], '请选择对账单类型'),
    billDate: dateField('账单日期'),
    file: fileField('对账单文件').refine((f) => f.size <= MAX_STATEMENT_BYTES, '对账单文件不能超过 5 MB'),
  }),
  async ({ provider, billDate, file }) => {
    const admin = await requireAdmin();
    const r = await importStatement({
      provider,
      billDate,
      bytes: new Uint8Array(await file.arrayBuffer()),
      actorId: admin.id,
    });
    const report = JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const message = r.differences.length
      ? `已对账：${r.matched} 笔一致，${r.differences.length} 处差异`
      : `已对账：${r.matched} 笔全部一致`;
    return { ok: true, message, data: { report } };
  },
);
