import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { lockRuleMember } from '@/db/queries/dividends';
import { countConfirmCodeFailure, getHouseholdRecord } from '@/db/queries/households';
import { getProductSupplierId } from '@/db/queries/listings';
import { findSupplierPaidOrder, getPayoutRecord, insertPayout, transitionPayoutRow } from '@/db/queries/payouts';
import type { Executor } from '@/db/client';
import { transaction } from '@/db/tx';
import {
  channelOfKind,
  initialPayoutStatus,
  PAYOUT_TRANSITIONS,
  quantityAmountFen,
  type PayoutStatus,
} from '@/domain/benefit';
import { formatFen } from '@/domain/money';
import { chinaDate } from '@/domain/time';
import { AppError } from '@/lib/errors';
import type { RecordPayoutInput } from '@/lib/validation/benefit';
import { codeMatches, MAX_CODE_FAILURES } from './confirm-codes';
import { dividendStatement } from './dividends';

/**
 * 收益发放 (issue 17). A supplier records what it paid a household; cash needs the household's
 * confirmation (its printed code, or a second manager); the programme office or the township's
 * reviewer verifies or returns it. Only verified payouts count anywhere. Every change is audited.
 */

const field = (name: string, message: string) => new AppError('invalid_input', message, { [name]: message });

type Receipt = { contentType: string; bytes: Uint8Array } | null;

/**
 * Checks a household's confirmation code in its own transaction, so that a wrong code is counted
 * even though the payout is refused (five wrong codes lock the code until a new one is printed).
 */
async function checkConfirmCode(householdId: number, code: string, fieldName: string): Promise<void> {
  const wrong = await transaction(async (tx) => {
    const h = await getHouseholdRecord({ id: householdId }, tx);
    if (!h?.confirmCodeHash) return '该农户还没有确认码，请社区（村）委会打印后再确认，或请另一位管理员签认';
    if (h.confirmCodeFailures >= MAX_CODE_FAILURES) return '确认码已连续输错 5 次，已锁定，请社区（村）委会重新打印';
    if (codeMatches(householdId, code, h.confirmCodeHash)) return null;
    const n = await countConfirmCodeFailure({ id: householdId }, tx);
    return `确认码不正确（已错 ${n} 次，5 次后锁定）`;
  });
  if (wrong) throw field(fieldName, wrong);
}

/** The amount and links of a payout, checked against the supplier's own products, orders and rules. */
async function payoutDetails(supplierId: number, v: RecordPayoutInput) {
  if (v.kind === 'dividend') return { amountFen: BigInt(v.amount!), dividendRuleId: v.dividendRuleId! };
  const details = {
    amountFen: quantityAmountFen(v.quantity!, v.unitRate!),
    quantityCenti: v.quantity!,
    unitRateFen: v.unitRate!,
    productId: null as number | null,
    orderId: null as string | null,
  };
  if (details.amountFen < 1n) throw field('quantity', '数量 × 单价不足 0.01 元，请核对');
  if (details.amountFen > 100_000_000n) throw field('quantity', '金额超过 100 万元，请核对数量和单价');
  if (v.kind === 'piece_rate') {
    if ((await getProductSupplierId({ productId: v.productId! })) !== supplierId)
      throw field('productId', '请选择本供应商的商品');
    details.productId = v.productId;
    if (v.orderNo) {
      details.orderId = await findSupplierPaidOrder({ orderNo: v.orderNo, supplierId });
      if (!details.orderId) throw field('orderNo', '订单不存在、未付款，或不含本供应商的商品');
    }
  }
  return details;
}

/** A dividend payout fits what is still due to the household under the rule (due − recorded). */
async function checkDividendDue(
  supplierId: number,
  ruleId: number,
  householdId: number,
  amountFen: bigint,
  tx?: Executor,
): Promise<void> {
  const st = await dividendStatement(ruleId, tx);
  const m = st?.rule.supplierId === supplierId ? st.members.find((x) => x.householdId === householdId) : undefined;
  if (!m) throw field('dividendRuleId', '该农户不在所选分红规则内');
  if (m.paidFen + amountFen > m.dueFen)
    throw field('amount', `超过应分金额：应分 ${formatFen(m.dueFen)}，已记录 ${formatFen(m.paidFen)}`);
}

export async function recordPayout(p: {
  supplierId: number;
  actorId: string;
  input: RecordPayoutInput;
  receipt: Receipt;
}): Promise<{ id: number; status: PayoutStatus; amountFen: bigint }> {
  const v = p.input;
  if (v.paidOn > chinaDate() || v.paidOn < '2015-01-01') throw field('paidOn', '发放日期不能晚于今天');
  const household = await getHouseholdRecord({ id: v.householdId });
  if (!household || household.supplierId !== p.supplierId || !household.active)
    throw field('householdId', '请选择本供应商台账中的在册农户');
  const details = await payoutDetails(p.supplierId, v);
  if (v.confirmCode) await checkConfirmCode(v.householdId, v.confirmCode, 'confirmCode');
  const status = initialPayoutStatus(v.method, v.confirmCode !== null);
  if (v.kind === 'dividend') await checkDividendDue(p.supplierId, v.dividendRuleId!, v.householdId, details.amountFen);
  return transaction(async (tx) => {
    if (v.kind === 'dividend') {
      // Again under the member's row lock, so that two payouts at once cannot both fit the same due.
      await lockRuleMember({ ruleId: v.dividendRuleId!, householdId: v.householdId }, tx);
      await checkDividendDue(p.supplierId, v.dividendRuleId!, v.householdId, details.amountFen, tx);
    }
    const id = await insertPayout(
      {
        supplierId: p.supplierId,
        householdId: v.householdId,
        kind: v.kind,
        channel: channelOfKind(v.kind),
        paidOn: v.paidOn,
        method: v.method,
        note: v.note,
        ...details,
        receiptContentType: p.receipt?.contentType ?? null,
        receiptBytes: p.receipt?.bytes ?? null,
        status,
        confirmation: v.method !== 'cash' ? 'not_needed' : v.confirmCode ? 'household_code' : 'not_needed',
        confirmedAt: v.confirmCode ? new Date() : null,
        recordedBy: p.actorId,
      },
      tx,
    );
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'payout.record',
        entity: 'payout',
        entityId: String(id),
        data: {
          householdId: v.householdId,
          kind: v.kind,
          amountFen: String(details.amountFen),
          method: v.method,
          status,
        },
      },
      tx,
    );
    return { id, status, amountFen: details.amountFen };
  });
}

type Move = 'confirm' | 'verify' | 'return' | 'void';

async function move(
  p: { payoutId: number; actorId: string; to: Move; reason?: string; supplierId?: number },
  set: Parameters<typeof transitionPayoutRow>[0]['set'],
): Promise<void> {
  await transaction(async (tx) => {
    const current = await getPayoutRecord({ id: p.payoutId }, tx);
    if (!current || (p.supplierId !== undefined && current.supplierId !== p.supplierId))
      throw new AppError('not_found', '发放记录不存在');
    const t = PAYOUT_TRANSITIONS[p.to];
    if (!(await transitionPayoutRow({ id: p.payoutId, from: t.from, to: t.to, set }, tx)))
      throw new AppError('conflict', '该发放记录当前状态不能进行此操作，请刷新后重试');
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: `payout.${p.to}`,
        entity: 'payout',
        entityId: String(p.payoutId),
        data: { from: current.status, amountFen: String(current.amountFen), ...(p.reason ? { reason: p.reason } : {}) },
      },
      tx,
    );
  });
}

/**
 * 确认 a cash payout: with the household's code, or as a second manager of the same supplier (never the
 * one who recorded it).
 */
export async function confirmPayout(p: {
  payoutId: number;
  supplierId: number;
  actorId: string;
  code: string | null;
}): Promise<void> {
  const current = await getPayoutRecord({ id: p.payoutId });
  if (!current || current.supplierId !== p.supplierId) throw new AppError('not_found', '发放记录不存在');
  if (current.status !== 'awaiting_confirmation') throw new AppError('conflict', '该发放记录不需要确认');
  if (p.code) await checkConfirmCode(current.householdId, p.code, 'confirmCode');
  else if (current.recordedBy === p.actorId)
    throw field('confirmCode', '请输入农户确认码，或由另一位管理员签认（记录人不能自己签认）');
  await move(
    { payoutId: p.payoutId, actorId: p.actorId, to: 'confirm', supplierId: p.supplierId },
    { confirmation: p.code ? 'household_code' : 'second_manager', confirmedBy: p.actorId, confirmed: true },
  );
}

/** 已核实: the office or the township's reviewer (the guard decided); the amount is never changed here. */
export async function verifyPayout(p: { payoutId: number; actorId: string }): Promise<void> {
  await move({ ...p, to: 'verify' }, { reviewedBy: p.actorId, reviewed: true });
}

/** 退回 with a reason; the supplier corrects it by voiding it and recording it again. */
export async function returnPayout(p: { payoutId: number; actorId: string; reason: string }): Promise<void> {
  await move({ ...p, to: 'return' }, { reviewedBy: p.actorId, reviewed: true, returnReason: p.reason });
}

/** 作废: the supplier withdraws a returned (or unconfirmed) payout; it stays on record and never counts. */
export async function voidPayout(p: { payoutId: number; supplierId: number; actorId: string }): Promise<void> {
  await move({ ...p, to: 'void' }, {});
}
