import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { getUnitRecord } from '@/db/queries/units';
import { approvePurchaseOrder, lockOrder, rejectPurchaseOrder } from '@/db/queries/orders';
import { openRoundById, openRoundOn } from '@/db/queries/programme';
import { unitMemberRole } from '@/db/queries/unit-orders';
import { transaction } from '@/db/tx';
import { assertTransition } from '@/domain/order-state';
import { mayDecide, paymentDueDays, type PaymentTerms } from '@/domain/purchase-order';
import { chinaDate } from '@/domain/time';
import { prepareBulkOrder } from '@/lib/bulk/prepare';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { releaseStock } from './payment-effects';
import { placeOrder, type Address, type PlacedOrder } from './place-order';

/**
 * Government units' purchase orders (采购单): a spreadsheet becomes an order held for approval; an
 * approver of the same unit decides it; the programme office confirms the bank transfer
 * (lib/payments/transfers.ts), which makes it paid through the money model like every other payment.
 */

/** The round an order belongs to: the chosen open round, or the open round whose dates contain today. */
export async function resolveRound({ roundId }: { roundId?: number | null }): Promise<number | null> {
  return roundId ? openRoundById({ roundId }) : openRoundOn({ day: chinaDate() });
}

/** 提交采购单: every row is checked first (any error imports nothing); then the order is placed. */
export async function submitPurchaseOrder(p: {
  userId: string;
  unitId: string;
  roundId: number | null;
  paymentTerms: PaymentTerms;
  contact: { name: string; mobile: string };
  address: Address;
  rows: string[][];
}): Promise<PlacedOrder> {
  const prepared = await prepareBulkOrder(p.rows);
  if (!prepared.ok) {
    const { errors } = prepared;
    const shown = errors.slice(0, 50).map((e) => (e.row ? `第 ${e.row} 行：${e.message}` : e.message));
    const more = errors.length > 50 ? `；另有 ${errors.length - 50} 处错误` : '';
    throw new AppError('invalid_input', `共 ${errors.length} 处错误，未导入任何内容`, {
      lines: shown.join('\n') + more,
    });
  }
  const unit = await getUnitRecord({ unitId: p.unitId });
  if (!unit) throw new AppError('not_found', '单位不存在');
  return placeOrder({
    items: prepared.value.items,
    contact: p.contact,
    shippingAddress: p.address,
    paymentMethod: 'bank_transfer',
    userId: p.userId,
    timeoutMinutes: getEnv().ORDER_PAYMENT_TIMEOUT_MINUTES,
    unit: {
      unitId: p.unitId,
      unitName: unit.name,
      creditCode: unit.creditCode,
      roundId: await resolveRound({ roundId: p.roundId }),
      paymentTerms: p.paymentTerms,
      recipients: prepared.value.recipients,
    },
  });
}

/**
 * 通过 / 驳回 a purchase order: only an approver of the same unit, never the buyer who submitted it
 * (checked inside the transaction, on the locked order). Approval moves it to 待付款, due by the unit's
 * terms; rejection cancels it and releases its stock.
 */
export async function decideUnitOrder(p: {
  orderNo: string;
  approverId: string;
  decision: 'approve' | 'reject';
  reason?: string;
}): Promise<void> {
  await transaction(
    async (tx) => {
      const o = await lockOrder({ orderNo: p.orderNo }, tx);
      const role = o?.unitId ? await unitMemberRole({ unitId: o.unitId, userId: p.approverId }, tx) : null;
      if (!o?.unitId || !mayDecide({ approverRole: role, approverId: p.approverId, submittedBy: o.userId }))
        throw new AppError('forbidden', '只有本单位的审批人可以审批，且不能审批自己提交的采购单');
      if (o.status !== 'pending_approval') throw new AppError('conflict', '该采购单已处理');
      if (p.decision === 'approve') {
        assertTransition(o.status, 'pending_payment');
        await approvePurchaseOrder(
          { orderId: o.id, approverId: p.approverId, dueDays: paymentDueDays(o.paymentTerms) },
          tx,
        );
      } else {
        assertTransition(o.status, 'cancelled');
        await releaseStock(tx, o.id);
        await rejectPurchaseOrder({ orderId: o.id, approverId: p.approverId, reason: p.reason ?? '' }, tx);
      }
      await recordAudit(
        {
          actorUserId: p.approverId,
          action: p.decision === 'approve' ? 'po.approve' : 'po.reject',
          entity: 'order',
          entityId: o.orderNo,
          data: p.reason ? { reason: p.reason } : undefined,
        },
        tx,
      );
    },
    { retry: true },
  );
}
