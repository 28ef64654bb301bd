import 'server-only';
import { latestAuditOf, recordAudit } from '@/db/queries/audit';
import { getOrderRecord, lockOrder } from '@/db/queries/orders';
import { getMovement, refundableSources, refundedFrom } from '@/db/queries/payments';
import { getDb } from '@/db/client';
import { transaction } from '@/db/tx';
import { allocateAcrossSources, heldFen } from '@/domain/money-movements';
import { formatFen } from '@/domain/money';
import { AppError } from '@/lib/errors';
import { recordRefunds } from './movements';
import { paymentProvider } from './providers';

/**
 * The programme office refunds part or all of the money an order holds (paid or not yet fully paid):
 * split across the payments that brought it in, newest first, each refunded through its own provider
 * (Stripe's refund API, or recorded for the simulator and bank transfers) and recorded under the
 * provider's refund id. `requestId` comes with the office's form: submitting it again (a double click,
 * a retry after a timeout) refunds once. The request and its split are recorded (audit_log, entity
 * 'refund_request') under the order's lock before any provider is asked, and a replay repeats that
 * split, part for part under the same idempotency keys: splitting again what is left after the first
 * call would take the same amount out of another payment, under a key no provider has seen. A request
 * its providers refused before any of it was refunded is void, and submitting it again splits anew.
 * An after-sales refund (lib/after-sales) passes its case as the request and the order line whose
 * goods it returns (`orderItemId`), so that the ledger takes it off that line.
 */
export async function refundOrderMoney(p: {
  orderNo: string;
  amountFen: bigint;
  requestId: string;
  actorId: string;
  orderItemId?: string;
}): Promise<{ orderId: string }> {
  const found = (await getOrderRecord({ orderNo: p.orderNo }))?.order;
  if (!found) throw new AppError('not_found', '订单不存在');
  const request = { entity: REFUND_REQUEST, entityId: p.requestId };
  const { parts, fresh, attempt } = await transaction(
    async (tx) => {
      const order = (await lockOrder({ orderId: found.id }, tx))!;
      const last = await latestAuditOf(request, tx);
      if (last?.action === REQUESTED) {
        const asked = readRequest(last.data);
        if (asked?.orderId !== order.id || asked.amountFen !== p.amountFen)
          throw new AppError('conflict', '该退款请求已用于另一笔退款，请刷新后重试');
        return { parts: asked.parts, fresh: false, attempt: asked.attempt };
      }
      // Asked again after its providers refused it: a new attempt, under keys of its own.
      const attempt = last?.action === REFUSED ? attemptOf(last.data) + 1 : 0;
      const sources = await refundableSources({ orderId: order.id }, tx);
      const left = sources.reduce((s, x) => s + x.remainingFen, 0n);
      if (heldFen(order) === 0n || left === 0n) throw new AppError('conflict', '该订单没有可退的款项');
      if (p.amountFen > left)
        throw new AppError('invalid_input', `退款金额超过可退金额（最多 ${formatFen(left)}）`, {
          amount: '退款金额超过可退金额',
        });
      const split = allocateAcrossSources(p.amountFen, sources).map((x) => ({
        sourceId: x.source.id,
        amountFen: x.amountFen,
      }));
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: REQUESTED,
          ...request,
          data: {
            orderId: order.id,
            orderNo: order.orderNo,
            amountFen: String(p.amountFen),
            attempt,
            parts: split.map((x) => ({ sourceId: x.sourceId, amountFen: String(x.amountFen) })),
          },
        },
        tx,
      );
      return { parts: split, fresh: true, attempt };
    },
    { retry: true },
  );
  for (const [i, part] of parts.entries()) {
    const source = await getMovement({ id: part.sourceId });
    if (!source) throw new AppError('not_found', '款项不存在');
    const provider = paymentProvider(source.provider);
    try {
      const refund = await provider.refund({
        paymentRef: source.externalRef,
        amountFen: part.amountFen,
        idempotencyKey: `refund:${p.requestId}${attempt ? `#${attempt}` : ''}:${source.id}`,
      });
      await recordRefunds({
        sourceId: source.id,
        refunds: [refund],
        actorId: p.actorId,
        recordedOnly: provider.recordsRefunds,
        expect: 'applied',
        lineId: p.orderItemId ?? null,
      });
    } catch (e) {
      // Refused before any of it was refunded (the provider holds less than the store knew of, say, a
      // refund made in its back office whose notification is on its way): the request is void.
      if (fresh && i === 0 && e instanceof AppError)
        await recordAudit({
          actorUserId: p.actorId,
          action: REFUSED,
          ...request,
          data: { attempt, message: e.message },
        });
      throw e;
    }
  }
  return { orderId: found.id };
}

const REFUND_REQUEST = 'refund_request';
const REQUESTED = 'payment.refund_requested';
const REFUSED = 'payment.refund_refused';

/** Which attempt at the request a record of it is (0: the first). */
function attemptOf(data: unknown): number {
  const n = (data as { attempt?: unknown } | null)?.attempt;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

/** A recorded refund request (its audit data), or null when it does not read as one. */
function readRequest(
  data: unknown,
): { orderId: string; amountFen: bigint; attempt: number; parts: { sourceId: string; amountFen: bigint }[] } | null {
  const d = data as { orderId?: unknown; amountFen?: unknown; parts?: unknown } | null;
  if (typeof d?.orderId !== 'string' || typeof d.amountFen !== 'string' || !Array.isArray(d.parts)) return null;
  const parts = (d.parts as { sourceId?: unknown; amountFen?: unknown }[]).map((x) =>
    typeof x?.sourceId === 'string' && typeof x.amountFen === 'string'
      ? { sourceId: x.sourceId, amountFen: BigInt(x.amountFen) }
      : null,
  );
  if (parts.some((x) => x === null)) return null;
  return {
    orderId: d.orderId,
    amountFen: BigInt(d.amountFen),
    attempt: attemptOf(d),
    parts: parts as { sourceId: string; amountFen: bigint }[],
  };
}

/**
 * 待处理款项 → 退款: the office returns what is left of unmatched money through its provider (the
 * simulator and bank transfers: recorded). Refunding it again refunds once.
 */
export async function refundUnmatched(p: { movementId: string; actorId: string }): Promise<void> {
  const m = await getMovement({ id: p.movementId });
  if (!m || m.kind === 'refund') throw new AppError('not_found', '款项不存在');
  if (m.state !== 'unmatched') throw new AppError('conflict', '该款项已处理');
  const left = m.amountFen - (await refundedFrom({ sourceId: m.id }, getDb()));
  if (left <= 0n) throw new AppError('conflict', '该款项已处理');
  const provider = paymentProvider(m.provider);
  const refund = await provider.refund({
    paymentRef: m.externalRef,
    amountFen: left,
    idempotencyKey: `refund-unmatched:${m.id}:${left}`,
  });
  await recordRefunds({
    sourceId: m.id,
    refunds: [refund],
    actorId: p.actorId,
    recordedOnly: provider.recordsRefunds,
    expect: 'unmatched',
  });
}
