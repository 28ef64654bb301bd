'use server';

import { z } from 'zod';
import { declareDividendRule } from '@/lib/benefit/dividends';
import { registerHousehold, revealHousehold, updateHousehold } from '@/lib/benefit/households';
import { confirmPayout, recordPayout, voidPayout } from '@/lib/benefit/payouts';
import {
  requireHouseholdManager,
  requireHouseholdViewer,
  requirePayoutManager,
  requireSupplierMember,
} from '@/lib/auth/guards';
import { processReceiptScan } from '@/lib/media/process';
import {
  confirmPayoutSchema,
  declareDividendSchema,
  householdIdField,
  payoutIdField,
  recordPayoutSchema,
  registerHouseholdSchema,
  updateHouseholdSchema,
} from '@/lib/validation/benefit';
import { PAYOUT_STATUS_LABELS } from '@/domain/benefit';
import { formatFen } from '@/domain/money';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 带贫成效 (issue 17), the supplier's side: the household register, payouts and dividend rules. */

const split = <T extends { name: string | null; idNumber: string | null }>({ name, idNumber, ...fields }: T) => ({
  fields,
  personal: { name, idNumber },
});

/** 登记农户: a manager adds a household or worker to their own supplier's register. */
export const registerHouseholdAction = validatedAction(registerHouseholdSchema, async ({ supplierId, ...v }) => {
  const user = await requireSupplierMember(supplierId);
  const { fields, personal } = split(v);
  await registerHousehold({ supplierId, actorId: user.id, fields, personal });
  invalidate.households();
  return { ok: true, message: `已登记 ${fields.code}` };
});

/** 保存 a register entry (the name and ID number are replaced only when typed in). */
export const updateHouseholdAction = validatedAction(
  updateHouseholdSchema,
  async ({ householdId, active, clearPersonal, ...v }) => {
    const { user, supplierId } = await requireHouseholdManager(householdId);
    const { fields, personal } = split(v);
    await updateHousehold({
      householdId,
      supplierId,
      actorId: user.id,
      fields,
      personal,
      clearPersonal: !!clearPersonal,
      active,
    });
    invalidate.households();
    return { ok: true, message: '已保存' };
  },
);

/** 查看身份信息: the supplier's managers and the office only; every reveal is in the audit log. */
export const revealHouseholdAction = validatedAction(
  z.object({ householdId: householdIdField }),
  async ({ householdId }) => {
    const user = await requireHouseholdViewer(householdId);
    const r = await revealHousehold({ householdId, actorId: user.id });
    return {
      ok: true,
      message: '本次查看已记入操作日志',
      data: { name: r.name ?? '（未登记）', idNumber: r.idNumber ?? '（未登记）' },
    };
  },
);

/** 记录发放: a manager records a payment to one of their households, with an optional receipt scan. */
export const recordPayoutAction = validatedAction(recordPayoutSchema, async (input) => {
  const user = await requireSupplierMember(input.supplierId);
  let receipt = null;
  if (input.receipt) {
    const processed = await processReceiptScan(new Uint8Array(await input.receipt.arrayBuffer()));
    if (!processed.ok) throw new AppError('invalid_input', processed.error, { receipt: processed.error });
    receipt = processed.value;
  }
  const r = await recordPayout({ supplierId: input.supplierId, actorId: user.id, input, receipt });
  invalidate.payouts();
  return {
    ok: true,
    message: `已记录 ${formatFen(r.amountFen)}（${PAYOUT_STATUS_LABELS[r.status]}）`,
    data: { payoutId: String(r.id) },
  };
});

/** 确认 a cash payout: the household's code, or a second manager's sign-off. */
export const confirmPayoutAction = validatedAction(confirmPayoutSchema, async ({ payoutId, confirmCode }) => {
  const { user, supplierId } = await requirePayoutManager(payoutId);
  await confirmPayout({ payoutId, supplierId, actorId: user.id, code: confirmCode });
  invalidate.payouts();
  return { ok: true, message: '已确认，等待核实' };
});

/** 作废 a returned or unconfirmed payout (kept on record, never counted). */
export const voidPayoutAction = validatedAction(z.object({ payoutId: payoutIdField }), async ({ payoutId }) => {
  const { user, supplierId } = await requirePayoutManager(payoutId);
  await voidPayout({ payoutId, supplierId, actorId: user.id });
  invalidate.payouts();
  return { ok: true, message: '已作废' };
});

/** 设立分红规则 over the supplier's households registered for dividends. */
export const declareDividendRuleAction = validatedAction(
  declareDividendSchema,
  async ({ supplierId, sharePercent, ...v }) => {
    const user = await requireSupplierMember(supplierId);
    const r = await declareDividendRule({ supplierId, actorId: user.id, shareBps: sharePercent, ...v });
    invalidate.payouts();
    return { ok: true, message: `已设立分红规则，${r.members} 户参与分配` };
  },
);
