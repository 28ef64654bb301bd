import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { lockOrder, type OrderRow } from '@/db/queries/orders';
import {
  claimWebhookEvent,
  findMovement,
  getMovement,
  insertMovement,
  lockMovement,
  refundedFrom,
  setMovementState,
  syncOrderMoney,
  type MovementRow,
} from '@/db/queries/payments';
import type { Tx } from '@/db/client';
import { transaction } from '@/db/tx';
import type { PaymentMethod } from '@/domain/checkout';
import { balanceDue, classifyReceipt, heldFen, type UnmatchedReason } from '@/domain/money-movements';
import { AppError } from '@/lib/errors';
import { fulfilPaidOrder, refundPaidOrder } from '@/lib/orders/payment-effects';

/**
 * The money model's writes (domain/money-movements). Every payment, transfer and refund is a movement
 * row keyed by its provider's reference, so that a replayed notification, a retried call or the same
 * refund reported by two paths is recorded once; the order's figures are then recomputed from its rows
 * (syncOrderMoney) and its status follows, in the same transaction.
 */

export type Received = {
  kind: 'payment' | 'transfer';
  provider: PaymentMethod;
  externalRef: string;
  amountFen: bigint;
  currency: string;
  /** Our order id, or null when the provider named none of ours (`givenOrderRef` keeps what it named). */
  orderId: string | null;
  givenOrderRef?: string | null;
  /** Charged as quoted (Stripe, the simulator): applied only when exactly the balance. */
  exact: boolean;
  actorId?: string | null;
};

export type ReceiveResult = {
  effect: 'applied' | 'unmatched' | 'duplicate';
  orderId: string | null;
  paid: boolean;
  appliedFen: bigint;
  unmatchedFen: bigint;
  reason: UnmatchedReason | null;
};

const MAX_GIVEN_REF = 200;

/**
 * Money received, in the caller's transaction (the order row is locked here): applied to the order up
 * to what it is owed (domain classifyReceipt), the rest recorded as 待处理款项 with its reason and an
 * audit entry. When the applied money covers the total, the order is paid (fulfilPaidOrder).
 */
export async function receiveMoney(tx: Tx, p: Received): Promise<ReceiveResult> {
  const o = p.orderId ? await lockOrder({ orderId: p.orderId }, tx) : null;
  const none = { orderId: o?.id ?? null, paid: false, appliedFen: 0n, unmatchedFen: 0n, reason: null };
  if (await findMovement({ provider: p.provider, externalRef: p.externalRef }, tx))
    return { effect: 'duplicate', ...none };
  const r = classifyReceipt({ order: o, amountFen: p.amountFen, currency: p.currency, exact: p.exact });
  const base = {
    kind: p.kind,
    provider: p.provider,
    currency: p.currency,
    orderId: o?.id ?? null,
    actorId: p.actorId ?? null,
    givenOrderRef: o ? null : (p.givenOrderRef?.slice(0, MAX_GIVEN_REF) ?? null),
  };
  const applied =
    r.appliedFen > 0n
      ? await insertMovement({ ...base, externalRef: p.externalRef, amountFen: r.appliedFen, state: 'applied' }, tx)
      : null;
  const unmatched =
    r.unmatchedFen > 0n
      ? await insertMovement(
          {
            ...base,
            externalRef: r.appliedFen > 0n ? `${p.externalRef}:excess` : p.externalRef,
            amountFen: r.unmatchedFen,
            state: 'unmatched',
            unmatchedReason: r.reason,
          },
          tx,
        )
      : null;
  // Another delivery of the same money (no order to lock) got there first.
  if (!applied && !unmatched) return { effect: 'duplicate', ...none };
  const paid = o && applied ? await settlePayment(tx, o, { method: p.provider, actorId: p.actorId }) : false;
  if (unmatched)
    await recordAudit(
      {
        actorUserId: p.actorId ?? null,
        action: 'payment.unmatched',
        entity: 'payment',
        entityId: unmatched.id,
        data: {
          reason: r.reason,
          amountFen: String(r.unmatchedFen),
          currency: p.currency,
          orderNo: o?.orderNo ?? null,
        },
      },
      tx,
    );
  return { effect: applied ? 'applied' : 'unmatched', ...none, paid, ...r };
}

/**
 * After money was applied to an order (row locked): its figures from its rows; when they cover the
 * total and it was not yet paid, it becomes paid. Returns whether it did.
 */
export async function settlePayment(
  tx: Tx,
  o: OrderRow,
  p: { method: PaymentMethod; actorId?: string | null },
): Promise<boolean> {
  const money = await syncOrderMoney({ orderId: o.id }, tx);
  if (o.paidAt !== null || balanceDue({ totalFen: o.totalFen, ...money }) !== 0n) return false;
  await fulfilPaidOrder(tx, o, p);
  return true;
}

export type RefundSent = { externalRef: string; amountFen: bigint; currency: string };

/**
 * Refunds out of one received movement (its source), in their own transaction: the source's order is
 * locked first, then the source. Each refund is keyed by the provider's refund id, so that the office's
 * call and the provider's notification record it once whichever comes first. Refunds of applied money
 * reduce the order's figures (and, on a paid order, write negative ledger rows and the status);
 * refunds of 待处理款项 return it, and the source is 'returned' once nothing is left.
 *
 * `recordedOnly`: the store itself records these refunds (simulator, bank transfer), so they are checked
 * against what is left of the source (and, with `expect`, its state); a provider's refund already
 * happened and is always recorded.
 */
export async function recordRefunds(p: {
  sourceId: string;
  refunds: RefundSent[];
  actorId?: string | null;
  event?: { id: string; type: string };
  recordedOnly?: boolean;
  expect?: 'applied' | 'unmatched';
  /** An after-sales refund of one order line's goods (lib/after-sales): the ledger takes it off that line. */
  lineId?: string | null;
}): Promise<{ recorded: number; orderId: string | null }> {
  return transaction(
    async (tx) => {
      if (p.event && !(await claimWebhookEvent(p.event, tx))) return { recorded: 0, orderId: null };
      const s0 = await getMovement({ id: p.sourceId }, tx);
      if (!s0 || s0.kind === 'refund') throw new AppError('not_found', '款项不存在');
      const o = s0.orderId ? await lockOrder({ orderId: s0.orderId }, tx) : null;
      const s = (await lockMovement({ id: s0.id }, tx))!;
      if (p.recordedOnly) await checkRecordable(tx, s, p);
      let appliedFen = 0n;
      let recorded = 0;
      for (const r of p.refunds) {
        const row = await insertMovement(
          {
            kind: 'refund',
            provider: s.provider,
            externalRef: r.externalRef,
            amountFen: r.amountFen,
            currency: r.currency,
            orderId: s.orderId,
            state: s.state === 'applied' ? 'applied' : 'unmatched',
            sourceId: s.id,
            actorId: p.actorId ?? null,
          },
          tx,
        );
        if (!row) continue;
        recorded++;
        if (row.state === 'applied') appliedFen += r.amountFen;
      }
      if (appliedFen > 0n && o) await refundFromOrder(tx, o, appliedFen, p.actorId, p.lineId);
      if (s.state === 'unmatched' && (await refundedFrom({ sourceId: s.id }, tx)) >= s.amountFen)
        await setMovementState({ id: s.id, state: 'returned', resolvedBy: p.actorId }, tx);
      return { recorded, orderId: s.orderId };
    },
    { retry: true },
  );
}

async function checkRecordable(
  tx: Tx,
  s: MovementRow,
  p: { refunds: RefundSent[]; expect?: 'applied' | 'unmatched' },
): Promise<void> {
  // A replayed request (its refunds already recorded) changes nothing and is not refused.
  let asked = 0n;
  for (const r of p.refunds)
    if (!(await findMovement({ provider: s.provider, externalRef: r.externalRef }, tx))) asked += r.amountFen;
  if (asked === 0n) return;
  if (p.expect && s.state !== p.expect) throw new AppError('conflict', '该款项已处理，请刷新后重试');
  if (asked > s.amountFen - (await refundedFrom({ sourceId: s.id }, tx)))
    throw new AppError('conflict', '退款金额超过该笔款项的剩余金额，请刷新后重试');
}

/** Applied refunds of an order's money (row locked): figures from the rows, and the ledger if it was paid. */
async function refundFromOrder(
  tx: Tx,
  o: OrderRow,
  amountFen: bigint,
  actorId?: string | null,
  lineId?: string | null,
): Promise<void> {
  await syncOrderMoney({ orderId: o.id }, tx);
  if (o.paidAt) {
    await refundPaidOrder(tx, o, { amountFen, heldBeforeFen: heldFen(o), actorId, lineId });
    return;
  }
  // Money returned before the order was paid (a part transfer): no sale was counted, nothing to reverse.
  await recordAudit(
    {
      actorUserId: actorId ?? null,
      action: 'order.refund',
      entity: 'order',
      entityId: o.orderNo,
      data: { amountFen: String(amountFen), beforePayment: true },
    },
    tx,
  );
}
