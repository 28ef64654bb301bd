import 'server-only';
import { countOpenRetailOrders, lockHoldKeys } from '@/db/queries/orders';
import { isVerifiedUnitMember } from '@/db/queries/users';
import type { Tx } from '@/db/client';
import { holdCapProblem, OPEN_ORDER_CAP_MESSAGE, openOrderCapHit, type HoldPolicy } from '@/domain/order-holds';
import { waitMessage } from '@/domain/rate-limits';
import { lookupHash } from '@/lib/crypto/pii';
import { getEnv } from '@/lib/env';
import { AppError, RateLimitError } from '@/lib/errors';

/**
 * The stock-hold limits of retail orders (domain/order-holds.ts), applied by placeOrder inside its
 * transaction before anything is written: a refusal writes nothing.
 */
export function guestHoldPolicy(): HoldPolicy {
  const env = getEnv();
  return {
    maxLineQuantity: env.GUEST_MAX_LINE_QUANTITY,
    maxOrderFen: BigInt(env.GUEST_MAX_ORDER_YUAN) * 100n,
    maxOpenOrders: env.GUEST_MAX_OPEN_ORDERS,
    holdMinutes: env.GUEST_HOLD_MINUTES,
  };
}

/** Guests and accounts outside a verified unit are capped; members of a verified unit are not. */
export async function isCappedBuyer(userId: string | null, tx: Tx): Promise<boolean> {
  return !userId || !(await isVerifiedUnitMember({ userId }, tx));
}

/** The keyed hash under which an order remembers the client address that placed it. */
export const addressHashOf = (address: string | null | undefined) =>
  address ? lookupHash(`address:${address}`) : null;

/** Refuses a capped buyer's order that breaks a cap: per line, per order, or open unpaid orders. */
export async function assertWithinHoldCaps(
  p: {
    lines: { slug: string; name: string; quantity: number }[];
    itemsFen: bigint;
    mobileHash: string;
    userId: string | null;
    addressHash: string | null;
  },
  policy: HoldPolicy,
  tx: Tx,
): Promise<void> {
  const problem = holdCapProblem(p, policy);
  if (problem) throw new AppError('invalid_input', problem.message, problem.fields);
  if (policy.maxOpenOrders === 0) return;
  await lockHoldKeys({ keys: [p.mobileHash, p.userId, p.addressHash].filter((k): k is string => !!k) }, tx);
  const open = await countOpenRetailOrders(p, tx);
  const hit = openOrderCapHit(open, policy);
  if (!hit) return;
  const wait = Math.max(1, Math.ceil(((open.nextExpiry?.getTime() ?? Date.now()) - Date.now()) / 1000));
  throw new RateLimitError(waitMessage(`${OPEN_ORDER_CAP_MESSAGE[hit]}，请先付款或取消`, wait), wait);
}
