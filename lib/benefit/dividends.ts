import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  getDividendRule,
  insertDividendRule,
  insertRuleMembersFromRegister,
  listRuleMembers,
  supplierCountedFen,
} from '@/db/queries/dividends';
import { getDb, type Executor } from '@/db/client';
import { countDividendHouseholds } from '@/db/queries/households';
import { transaction } from '@/db/tx';
import { dividendDues, dividendPoolFen, type DividendSplit } from '@/domain/dividend';
import { addDays, chinaDayStart } from '@/domain/time';
import { AppError } from '@/lib/errors';

/** 分红规则 (issue 17): declaring a rule, and each household's due amount under it, to the fen. */

const noMembers = () =>
  new AppError('invalid_input', '台账中没有选择“收益分红”带动方式的在册农户，无法设立分红规则', {
    split: '台账中没有选择“收益分红”的在册农户',
  });

export async function declareDividendRule(p: {
  supplierId: number;
  actorId: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  shareBps: number;
  split: DividendSplit;
}): Promise<{ id: number; members: number }> {
  if (!(await countDividendHouseholds({ supplierId: p.supplierId }))) throw noMembers();
  return transaction(async (tx) => {
    const { actorId, ...rule } = p;
    const id = await insertDividendRule({ ...rule, createdBy: actorId }, tx);
    const members = await insertRuleMembersFromRegister({ ruleId: id, supplierId: p.supplierId }, tx);
    if (!members) throw noMembers();
    await recordAudit(
      {
        actorUserId: actorId,
        action: 'dividend_rule.declare',
        entity: 'supplier',
        entityId: String(p.supplierId),
        data: {
          ruleId: id,
          shareBps: p.shareBps,
          split: p.split,
          periodFrom: p.periodFrom,
          periodTo: p.periodTo,
          members,
        },
      },
      tx,
    );
    return { id, members };
  });
}

/**
 * A rule's statement: the supplier's counted sales in the period (China dates, both included; sales by
 * payment date, refunds by refund date), the pool, and each member's due, paid and verified amounts.
 * The dues sum exactly to the pool (domain/dividend, largest remainder).
 */
export async function dividendStatement(ruleId: number, tx: Executor = getDb()) {
  const rule = await getDividendRule({ id: ruleId }, tx);
  if (!rule) return null;
  const countedFen = await supplierCountedFen(
    { supplierId: rule.supplierId, from: chinaDayStart(rule.periodFrom), to: chinaDayStart(addDays(rule.periodTo, 1)) },
    tx,
  );
  const poolFen = dividendPoolFen(countedFen, rule.shareBps);
  const members = await listRuleMembers({ ruleId }, tx);
  const dues = dividendDues(poolFen, rule.split, members);
  return {
    rule,
    countedFen,
    poolFen,
    members: members.map((m, i) => ({ ...m, dueFen: dues[i]!.dueFen })),
    paidFen: members.reduce((s, m) => s + m.paidFen, 0n),
    verifiedFen: members.reduce((s, m) => s + m.verifiedFen, 0n),
  };
}
export type DividendStatement = NonNullable<Awaited<ReturnType<typeof dividendStatement>>>;
