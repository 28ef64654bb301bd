import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  getLineForCase,
  insertCase,
  insertCasePhotos,
  insertOrderEvent,
  lockCase,
  overdueCaseIds,
  supplierReturnAddress,
  updateCase,
  type CaseRow,
} from '@/db/queries/after-sales';
import { refundableLines } from '@/db/queries/ledger';
import { lockOrder } from '@/db/queries/orders';
import type { Tx } from '@/db/client';
import { transaction } from '@/db/tx';
import {
  AFTER_SALES_KIND_LABELS,
  AFTER_SALES_REASON_LABELS,
  afterSalesAmount,
  afterSalesRefusal,
  isSupplierOverdue,
  MAX_AFTER_SALES_PHOTOS,
  nextAfterSalesStatus,
  supplierAnswerDeadline,
  type AfterSalesKind,
  type AfterSalesReason,
  type AfterSalesStatus,
  type AfterSalesStep,
} from '@/domain/after-sales';
import { heldFen } from '@/domain/money-movements';
import { AppError } from '@/lib/errors';
import { processReceiptScan } from '@/lib/media/process';
import { refundCase } from './refund';

/**
 * 售后 cases (domain/after-sales): the buyer asks, the supplier answers within 48 h, a refusal or a missed
 * deadline goes to the office, an accepted 退货退款 gets the return address and the buyer's tracking, and
 * the refund goes through the money model's refund path (lib/after-sales/refund.ts). Each step locks the
 * case row and checks the state machine, so a replayed or concurrent decision is refused and changes
 * nothing; each is written to the order's timeline and the audit log in the same transaction.
 */

type Actor = 'buyer' | 'supplier' | 'office' | 'system';

async function logStep(
  tx: Tx,
  c: { id: string; orderId: string },
  p: { actor: Actor; actorId: string | null; action: string; audit: string; note?: string | null; data?: object },
): Promise<void> {
  await insertOrderEvent(
    { orderId: c.orderId, caseId: c.id, actor: p.actor, action: p.action, note: p.note ?? null },
    tx,
  );
  await recordAudit(
    { actorUserId: p.actorId, action: p.audit, entity: 'after_sales', entityId: c.id, data: { ...p.data } },
    tx,
  );
}

/** The buyer's request on one line of a paid, received order. Photos are checked and re-encoded first. */
export async function requestAfterSales(p: {
  orderNo: string;
  orderItemId: string;
  kind: AfterSalesKind;
  reason: AfterSalesReason;
  description: string;
  quantity: number;
  photos: Uint8Array[];
  actorId: string | null;
  now?: Date;
}): Promise<CaseRow> {
  if (p.photos.length > MAX_AFTER_SALES_PHOTOS)
    throw new AppError('invalid_input', `最多上传 ${MAX_AFTER_SALES_PHOTOS} 张照片`, { photos: '照片过多' });
  const photos: { contentType: string; bytes: Uint8Array }[] = [];
  for (const bytes of p.photos) {
    const r = await processReceiptScan(bytes);
    if (!r.ok) throw new AppError('invalid_input', `照片：${r.error}`, { photos: r.error });
    photos.push(r.value);
  }
  const now = p.now ?? new Date();
  return transaction(async (tx) => {
    const o = await lockOrder({ orderNo: p.orderNo }, tx);
    if (!o) throw new AppError('not_found', '订单不存在');
    if (!o.paidAt || heldFen(o) === 0n) throw new AppError('conflict', '该订单没有可退的款项');
    const line = await getLineForCase({ orderId: o.id, orderItemId: p.orderItemId }, tx);
    if (!line) throw new AppError('not_found', '订单中没有该商品');
    const refusal = afterSalesRefusal({
      receivedAt: o.receivedAt,
      now,
      productClass: line.productClass,
      reason: p.reason,
      quantity: p.quantity,
      lineQuantity: line.quantity,
    });
    if (refusal) throw new AppError('invalid_input', refusal, { form: refusal });
    const held = (await refundableLines({ orderId: o.id }, tx)).find((l) => l.id === String(line.id));
    const remaining = held ? held.lineTotalFen - held.refundedFen : 0n;
    if (remaining <= 0n) throw new AppError('conflict', '该商品的款项已全部退回');
    const amountFen = afterSalesAmount({
      unitPriceFen: line.unitPriceFen,
      quantity: p.quantity,
      lineRemainingFen: remaining,
    });
    const c = await insertCase(
      {
        orderId: o.id,
        orderItemId: line.id,
        supplierId: line.supplierId,
        requestedBy: p.actorId,
        kind: p.kind,
        reason: p.reason,
        description: p.description,
        quantity: p.quantity,
        amountFen,
        supplierDeadline: supplierAnswerDeadline(now),
        createdAt: now,
      },
      tx,
    );
    if (!c) throw new AppError('conflict', '该商品已申请过售后，请在订单中查看进度');
    await insertCasePhotos(
      photos.map((ph, i) => ({ caseId: c.id, position: i, contentType: ph.contentType, bytes: ph.bytes })),
      tx,
    );
    await logStep(tx, c, {
      actor: 'buyer',
      actorId: p.actorId,
      action: `申请${AFTER_SALES_KIND_LABELS[p.kind]}（${AFTER_SALES_REASON_LABELS[p.reason]}）`,
      audit: 'after_sales.request',
      note: p.description || null,
      data: { orderNo: o.orderNo, kind: p.kind, reason: p.reason, amountFen: String(amountFen), photos: photos.length },
    });
    return c;
  });
}

type StepInput = {
  caseId: string;
  step: AfterSalesStep;
  actorId: string | null;
  /** Who the actor must be for this case: its supplier, or the buyer of its order. */
  supplierId?: number;
  orderNo?: string;
  note?: string | null;
  returnShipment?: { carrier: string; trackingNo: string };
  now?: Date;
};

const STEP_TEXT: Record<AfterSalesStep['decision'], { action: string; audit: string }> = {
  agree: { action: '商家同意售后', audit: 'after_sales.supplier_agree' },
  disagree: { action: '商家不同意售后，转交消费帮扶办公室处理', audit: 'after_sales.supplier_disagree' },
  escalate: { action: '商家 48 小时内未处理，转交消费帮扶办公室处理', audit: 'after_sales.escalate' },
  approve: { action: '消费帮扶办公室同意售后', audit: 'after_sales.office_approve' },
  reject: { action: '消费帮扶办公室驳回售后申请', audit: 'after_sales.office_reject' },
  ship_return: { action: '买家已寄回商品', audit: 'after_sales.return_shipped' },
  confirm_return: { action: '已确认收到退货', audit: 'after_sales.return_received' },
};

/**
 * One step of a case. Returns the new status ('refunded' once the refund is recorded). A step the
 * state machine does not allow (replayed, out of turn) is refused; a supplier answering after its
 * deadline finds the case sent to the office.
 */
export async function decideAfterSales(p: StepInput): Promise<AfterSalesStatus> {
  // Only a guest buyer acts without an account; decisions and refunds always have their person.
  if (p.step.by !== 'buyer' && !p.actorId) throw new AppError('forbidden');
  const now = p.now ?? new Date();
  const r = await transaction(
    async (tx) => {
      const c = await lockCase({ id: p.caseId }, tx);
      if (!c) throw new AppError('not_found', '售后申请不存在');
      if (p.supplierId !== undefined && c.supplierId !== p.supplierId)
        throw new AppError('not_found', '售后申请不存在');
      if (p.orderNo !== undefined) {
        const o = await lockOrder({ orderNo: p.orderNo }, tx);
        if (!o || o.id !== c.orderId) throw new AppError('not_found', '售后申请不存在');
      }
      if (p.step.by === 'supplier' && p.step.decision !== 'confirm_return' && isSupplierOverdue(c, now)) {
        await escalateLocked(tx, c);
        return { c, to: 'office_review' as const, overdue: true };
      }
      const to = nextAfterSalesStatus(c.status, c.kind, p.step);
      if (!to) throw new AppError('conflict', '该售后申请已处理，请刷新后查看');
      const text = STEP_TEXT[p.step.decision];
      const returnAddress =
        to === 'awaiting_return' ? await supplierReturnAddress({ supplierId: c.supplierId }, tx) : undefined;
      await updateCase(
        {
          id: c.id,
          status: to,
          ...(returnAddress !== undefined ? { returnAddress } : {}),
          ...(p.step.by === 'supplier' && p.note ? { supplierNote: p.note } : {}),
          ...(p.step.by === 'office' && p.note ? { officeNote: p.note } : {}),
          ...(p.returnShipment
            ? { returnCarrier: p.returnShipment.carrier, returnTrackingNo: p.returnShipment.trackingNo }
            : {}),
        },
        tx,
      );
      await logStep(tx, c, {
        actor: p.step.by,
        actorId: p.actorId,
        action: text.action,
        audit: text.audit,
        note: p.returnShipment ? `${p.returnShipment.carrier} ${p.returnShipment.trackingNo}` : (p.note ?? null),
        data: { from: c.status, to },
      });
      return { c, to, overdue: false };
    },
    { retry: true },
  );
  if (r.overdue) throw new AppError('conflict', '已超过 48 小时答复期限，该申请已转交消费帮扶办公室处理');
  if (r.to === 'refunded' && p.actorId) await refundCase({ caseId: r.c.id, previous: r.c.status, actorId: p.actorId });
  return r.to;
}

async function escalateLocked(tx: Tx, c: CaseRow): Promise<void> {
  await updateCase({ id: c.id, status: 'office_review' }, tx);
  await logStep(tx, c, { actor: 'system', actorId: null, ...STEP_TEXT.escalate, data: { from: c.status } });
}

/** The sweep: cases whose supplier let 48 hours pass go to the office (each once, under its row lock). */
export async function escalateOverdueCases({ now = new Date(), limit = 200 } = {}): Promise<number> {
  let n = 0;
  for (const id of await overdueCaseIds({ now, limit })) {
    const done = await transaction(
      async (tx) => {
        const c = await lockCase({ id }, tx);
        if (!c || !isSupplierOverdue(c, now)) return false;
        await escalateLocked(tx, c);
        return true;
      },
      { retry: true },
    );
    if (done) n++;
  }
  return n;
}
