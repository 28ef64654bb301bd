/**
 * The accounting rule for the ¥40,000,000 target: counted sales are the paid amounts of order lines
 * whose product was certified at the time of sale, minus refunds, dated by payment or refund date.
 * Shipping is never counted. Uncertified lines are recorded too (counted = false) and shown apart.
 */
/** A ledger row is a sale or (negative) a refund; also the database enum 'ledger_kind' (append only). */
export const LEDGER_KINDS = ['sale', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export type Bucket = { key: string; remainingFen: bigint };

/**
 * Splits a refund across buckets (order lines and shipping) in proportion to what remains refundable
 * in each, by the largest-remainder method: the parts sum to the refund exactly and never exceed a
 * bucket's remainder. A refund of everything that remains returns each bucket's remainder.
 */
export function allocateRefund(amountFen: bigint, buckets: readonly Bucket[]): Map<string, bigint> {
  const total = buckets.reduce((s, b) => s + b.remainingFen, 0n);
  if (amountFen < 0n || amountFen > total) throw new RangeError(`refund ${amountFen} exceeds refundable ${total}`);
  const out = new Map<string, bigint>(buckets.map((b) => [b.key, 0n]));
  if (total === 0n) return out;
  let given = 0n;
  const rems: { key: string; rem: bigint }[] = [];
  for (const b of buckets) {
    const exact = amountFen * b.remainingFen;
    const share = exact / total;
    out.set(b.key, share);
    given += share;
    rems.push({ key: b.key, rem: exact % total });
  }
  rems.sort((a, b) => (a.rem === b.rem ? 0 : a.rem > b.rem ? -1 : 1));
  for (let i = 0; given < amountFen; i++) {
    const k = rems[i % rems.length]!.key;
    const bucket = buckets.find((b) => b.key === k)!;
    if (out.get(k)! < bucket.remainingFen) {
      out.set(k, out.get(k)! + 1n);
      given += 1n;
    }
  }
  return out;
}
