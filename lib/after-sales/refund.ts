import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { getCaseWithOrderNo, insertOrderEvent, lockCase, updateCase } from '@/db/queries/after-sales';
import { transaction } from '@/db/tx';
import type { AfterSalesStatus } from '@/domain/after-sales';
import { formatFen } from '@/domain/money';
import { refundOrderMoney } from '@/lib/payments/refunds';

/**
 * The refund of an accepted case, through the money model's one refund path (lib/payments/refunds.ts):
 * the goods' amount of that line, keyed by the case (a retry refunds once, at Stripe too), taken off that
 * line in the ledger, so the target drops by exactly the refunded goods. The case was already moved to
 * 'refunded' under its lock (a second decision finds it decided); if the refund fails it goes back to
 * the status it had, and the error reaches the person who decided.
 */
export async function refundCase(p: { caseId: string; previous: AfterSalesStatus; actorId: string }): Promise<void> {
  const found = await getCaseWithOrderNo({ id: p.caseId });
  if (!found) return;
  const { case: c, orderNo } = found;
  try {
    await refundOrderMoney({
      orderNo,
      amountFen: c.amountFen,
      requestId: `after-sales:${c.id}`,
      actorId: p.actorId,
      orderItemId: String(c.orderItemId),
    });
  } catch (e) {
    await transaction(async (tx) => {
      const now = await lockCase({ id: c.id }, tx);
      if (now?.status === 'refunded' && !now.refundedAt) await updateCase({ id: c.id, status: p.previous }, tx);
    });
    throw e;
  }
  await transaction(async (tx) => {
    await updateCase({ id: c.id, refundedAt: new Date() }, tx);
    await insertOrderEvent(
      { orderId: c.orderId, caseId: c.id, actor: 'system', action: `已退款 ${formatFen(c.amountFen)}`, note: null },
      tx,
    );
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'after_sales.refund',
        entity: 'after_sales',
        entityId: c.id,
        data: { orderNo, amountFen: String(c.amountFen) },
      },
      tx,
    );
  });
}
