import 'server-only';
import type { Executor } from '@/db/client';
import { lockUnitForUnionOrder, productCategories, unionPerHeadInYear } from '@/db/queries/fund-sources';
import { unionRefusal, type FundSource, type UnionRefusal } from '@/domain/fund-source';
import { AppError } from '@/lib/errors';
import { getUnionRules } from '@/lib/programme/union-rules';

/** A union order the rules refuse (domain/fund-source): the rule named in Chinese, beside the fund source field. */
export class FundRuleError extends AppError {
  constructor(readonly refusal: UnionRefusal) {
    super('invalid_input', refusal.message, { fundSource: refusal.message });
  }
}

/**
 * The fund source rules, inside the submission transaction: a union order is checked against the office's
 * rules as they are now, the unit locked so that its union orders are counted one after the other. Returns
 * the heads a union order is divided by (stored on it, so later orders count its share), or null.
 */
export async function checkFundSource(
  tx: Executor,
  p: {
    unitId: string;
    fundSource: FundSource;
    today: string;
    totalFen: bigint;
    recipientsCount: number;
    lines: { productId: number; name: string }[];
  },
): Promise<number | null> {
  if (p.fundSource !== 'union') return null;
  const members = await lockUnitForUnionOrder({ unitId: p.unitId }, tx);
  const heads = p.recipientsCount || Math.max(members, 1);
  // One after the other: a transaction is one connection.
  const rules = await getUnionRules(tx);
  const categories = await productCategories({ productIds: p.lines.map((l) => l.productId) }, tx);
  const earlierPerHeadFen = await unionPerHeadInYear({ unitId: p.unitId, year: Number(p.today.slice(0, 4)) }, tx);
  const refusal = unionRefusal(rules, {
    today: p.today,
    lines: p.lines.map((l) => {
      const c = categories.get(l.productId);
      return { name: l.name, categorySlug: c?.slug ?? '', categoryName: c?.name ?? '' };
    }),
    totalFen: p.totalFen,
    heads,
    headsAre: p.recipientsCount ? 'recipients' : 'members',
    earlierPerHeadFen,
  });
  if (refusal) throw new FundRuleError(refusal);
  return heads;
}
