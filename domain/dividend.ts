/**
 * 收益分红: a supplier declares a share of its counted sales in a period (basis points), split equally
 * or by each household's shares (股数) over the households registered for dividends when the rule was
 * declared. Each household's due amount is exact to the fen and the dues sum exactly to the pool.
 */
export const DIVIDEND_SPLITS = ['equal', 'shares'] as const;
export type DividendSplit = (typeof DIVIDEND_SPLITS)[number];
export const DIVIDEND_SPLIT_LABELS: Record<DividendSplit, string> = { equal: '按户平均', shares: '按股数' };

/** The pool: counted sales × share, rounded down to the fen; nothing when the period's sales are not positive. */
export function dividendPoolFen(countedFen: bigint, shareBps: number): bigint {
  if (countedFen <= 0n || shareBps <= 0) return 0n;
  return (countedFen * BigInt(shareBps)) / 10_000n;
}

/**
 * Largest-remainder (Hamilton) apportionment of `pool` fen over `weights`: each gets the floor of its
 * exact share, then the fen left over go one each to the largest remainders (ties: the earlier entry).
 * The result sums exactly to the pool. Weights must be non-negative with a positive total.
 */
export function allocateLargestRemainder(pool: bigint, weights: readonly bigint[]): bigint[] {
  if (pool < 0n) throw new RangeError('pool must not be negative');
  if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total <= 0n) throw new RangeError('weights must have a positive total');
  const base = weights.map((w) => (pool * w) / total);
  const remainders = weights.map((w, i) => ({ i, r: (pool * w) % total }));
  let left = pool - base.reduce((s, b) => s + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    base[i]! += 1n;
    left -= 1n;
  }
  return base;
}

export type DividendMember = { householdId: number; shares: number };

/** Each member's due amount under a rule: weight 1 each (equal) or their shares. */
export function dividendDues(
  pool: bigint,
  split: DividendSplit,
  members: readonly DividendMember[],
): { householdId: number; dueFen: bigint }[] {
  if (!members.length) return [];
  const weights = members.map((m) => (split === 'equal' ? 1n : BigInt(m.shares)));
  const dues = allocateLargestRemainder(pool, weights);
  return members.map((m, i) => ({ householdId: m.householdId, dueFen: dues[i]! }));
}

/** Shares a household may hold (股数). */
export const MAX_DIVIDEND_SHARES = 10_000;
