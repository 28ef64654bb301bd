import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { getUnitRecord, listUnitMemberLinks } from '@/db/queries/units';
import { approvePurchaseOrder, lockOrder, readOrderRow, rejectPurchaseOrder, type OrderRow } from '@/db/queries/orders';
import { getPurchaseOrderFacts, listPendingPurchaseOrders } from '@/db/queries/unit-orders';
import { listRounds, openRoundById, openRoundOn } from '@/db/queries/programme';
import type { Tx } from '@/db/client';
import { transaction } from '@/db/tx';
import { assertTransition } from '@/domain/order-state';
import {
  eligibleApprovers,
  mayDecide,
  paymentDueDays,
  type PaymentTerms,
  type PurchaseFacts,
} from '@/domain/purchase-order';
import { priceOrder } from '@/domain/checkout';
import { distinctRecipients, type FundSource } from '@/domain/fund-source';
import { unitPriceFor } from '@/domain/tier-pricing';
import { getDb } from '@/db/client';
import { certificatesInForce, listedProductsBySlugs, tierPricesOf } from '@/db/queries/stock';
import { chinaDate } from '@/domain/time';
import { prepareBulkOrder } from '@/lib/bulk/prepare';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getOrderReceipt, lastShipmentAt } from '@/db/queries/unit-receipt';
import { checkFundSource } from './fund-rules';
import { maskedRecipients } from './recipients';
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

/**
 * 提交采购单: every row is checked first (any error imports nothing); then the order is placed. When no
 * approver of the unit may decide an order of this buyer (separation of duties, domain/purchase-order),
 * it is marked for the programme office, and the buyer is told so.
 */
export async function submitPurchaseOrder(p: {
  userId: string;
  unitId: string;
  roundId: number | null;
  paymentTerms: PaymentTerms;
  contact: { name: string; mobile: string };
  address: Address;
  rows: string[][];
  /** The uncertified products (slugs) the buyer ticked to keep; any other uncertified line refuses the order. */
  keepUncertified: readonly string[];
  fundSource: FundSource;
}): Promise<PlacedOrder & { officeApproval: boolean }> {
  const prepared = await preparedOrThrow(p.rows);
  const unit = await getUnitRecord({ unitId: p.unitId });
  if (!unit) throw new AppError('not_found', '单位不存在');
  const officeApproval = !eligibleApprovers(p.userId, await listUnitMemberLinks({ unitId: p.unitId })).length;
  const placed = await placeOrder({
    items: prepared.items.map(({ slug, quantity }) => ({ slug, quantity })),
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
      recipients: prepared.recipients,
      officeApproval,
      keepUncertified: p.keepUncertified,
      fundSource: p.fundSource,
    },
  });
  return { ...placed, officeApproval };
}

/** Every row checked (lib/bulk/prepare); any error refuses the whole sheet, naming up to 50 rows. */
async function preparedOrThrow(rows: string[][]) {
  const prepared = await prepareBulkOrder(rows);
  if (prepared.ok) return prepared.value;
  const { errors } = prepared;
  const shown = errors.slice(0, 50).map((e) => (e.row ? `第 ${e.row} 行：${e.message}` : e.message));
  const more = errors.length > 50 ? `；另有 ${errors.length - 50} 处错误` : '';
  throw new AppError('invalid_input', `共 ${errors.length} 处错误，未导入任何内容`, {
    lines: shown.join('\n') + more,
  });
}

/**
 * 预览采购单: the order as it would be placed now (unit tier prices, shipping, certificates in force),
 * who would approve it, and nothing written. 提交采购单 checks everything again.
 */
export async function previewPurchaseOrder(p: {
  userId: string;
  submitterName: string;
  unitId: string;
  roundId: number | null;
  paymentTerms: PaymentTerms;
  fundSource: FundSource;
  rows: string[][];
}): Promise<PurchaseFacts> {
  const prepared = await preparedOrThrow(p.rows);
  const unit = await getUnitRecord({ unitId: p.unitId });
  if (!unit) throw new AppError('not_found', '单位不存在');
  const db = getDb();
  const found = new Map(
    (await listedProductsBySlugs({ slugs: prepared.items.map((i) => i.slug) }, db)).map((r) => [r.slug, r]),
  );
  const productIds = [...found.values()].map((r) => r.id);
  const [certOf, tiers, roundId] = await Promise.all([
    certificatesInForce({ productIds, today: chinaDate() }, db),
    tierPricesOf({ productIds }, db),
    resolveRound({ roundId: p.roundId }),
  ]);
  const lines = prepared.items.flatMap((i) => {
    const r = found.get(i.slug);
    return r ? [{ ...i, r, unitPriceFen: unitPriceFor(r.priceFen, tiers.get(r.id) ?? [], i.quantity) }] : [];
  });
  const priced = priceOrder(
    lines.map((l) => ({ productId: l.r.id, quantity: l.quantity, unitPriceFen: l.unitPriceFen })),
  );
  // A union order the rules refuse is refused here already, naming the rule; 提交采购单 checks again.
  await checkFundSource(db, {
    unitId: p.unitId,
    fundSource: p.fundSource,
    today: chinaDate(),
    totalFen: priced.totalFen,
    recipientsCount: distinctRecipients(prepared.recipients),
    lines: lines.map((l) => ({ productId: l.r.id, name: l.r.name })),
  });
  const rounds = roundId ? await listRounds({ openOnly: false }) : [];
  return {
    unitName: unit.name,
    submitterName: p.submitterName,
    paymentTerms: p.paymentTerms,
    roundName: rounds.find((r) => r.id === roundId)?.name ?? null,
    lines: lines.map((l, i) => ({
      slug: l.slug,
      code: l.code,
      name: l.r.name,
      spec: l.r.spec,
      unitPriceFen: l.unitPriceFen,
      quantity: l.quantity,
      lineTotalFen: priced.lines[i]!.lineTotalFen,
      certified: certOf.has(l.r.id),
    })),
    itemsFen: priced.itemsFen,
    shippingFen: priced.shippingFen,
    totalFen: priced.totalFen,
    recipientsCount: prepared.recipients.length,
    officeApproval: !eligibleApprovers(p.userId, await listUnitMemberLinks({ unitId: p.unitId })).length,
    fundSource: p.fundSource,
  };
}

type Decision = { orderNo: string; decision: 'approve' | 'reject'; reason?: string };

/**
 * 通过 / 驳回 a purchase order by an approver of its unit: checked inside the transaction, on the locked
 * order and the unit's members as they are now (domain/purchase-order `mayDecide`). Approval moves it to
 * 待付款, due by the unit's terms; rejection cancels it and releases its stock.
 */
export async function decideUnitOrder(p: Decision & { approverId: string }): Promise<void> {
  const refuse = () =>
    new AppError('forbidden', '只有本单位的审批人可以审批，且不能审批自己或邀请、任命自己的成员提交的采购单');
  const may = async (o: { unitId: string | null; userId: string | null } | null, tx?: Tx) =>
    !!o?.unitId &&
    mayDecide({
      approverId: p.approverId,
      submittedBy: o.userId,
      members: await listUnitMemberLinks({ unitId: o.unitId }, tx),
    });
  // Checked first without a lock, so that a refusal writes nothing; then again on the locked order.
  if (!(await may(await readOrderRow(p)))) throw refuse();
  await transaction(
    async (tx) => {
      const o = await lockOrder({ orderNo: p.orderNo }, tx);
      if (!o || !(await may(o, tx))) throw refuse();
      await applyDecision(tx, o, { ...p, actorId: p.approverId });
    },
    { retry: true },
  );
}

/**
 * The programme office decides a purchase order that no approver of its unit may decide: one marked at
 * submission, or one whose eligible approvers have since left. Orders a unit approver can decide stay theirs.
 */
export async function decideByOffice(p: Decision & { adminId: string }): Promise<void> {
  const check = async (o: OrderRow | null, tx?: Tx) => {
    if (!o?.unitId || o.status !== 'pending_approval') throw new AppError('conflict', '该采购单不在待审批状态');
    const members = await listUnitMemberLinks({ unitId: o.unitId }, tx);
    if (!o.officeApproval && eligibleApprovers(o.userId, members).length)
      throw new AppError('forbidden', '该采购单由本单位审批人审批');
  };
  await check(await readOrderRow(p));
  await transaction(
    async (tx) => {
      const o = await lockOrder({ orderNo: p.orderNo }, tx);
      await check(o, tx);
      await applyDecision(tx, o!, { ...p, actorId: p.adminId, byOffice: true });
    },
    { retry: true },
  );
}

async function applyDecision(
  tx: Tx,
  o: NonNullable<Awaited<ReturnType<typeof lockOrder>>>,
  p: Decision & { actorId: string; byOffice?: boolean },
): Promise<void> {
  if (o.status !== 'pending_approval') throw new AppError('conflict', '该采购单已处理');
  if (p.decision === 'approve') {
    assertTransition(o.status, 'pending_payment');
    await approvePurchaseOrder({ orderId: o.id, approverId: p.actorId, dueDays: paymentDueDays(o.paymentTerms) }, tx);
  } else {
    assertTransition(o.status, 'cancelled');
    await releaseStock(tx, o.id);
    await rejectPurchaseOrder({ orderId: o.id, approverId: p.actorId, reason: p.reason ?? '' }, tx);
  }
  await recordAudit(
    {
      actorUserId: p.actorId,
      action: `${p.byOffice ? 'po.office_' : 'po.'}${p.decision}`,
      entity: 'order',
      entityId: o.orderNo,
      data: p.reason ? { reason: p.reason } : undefined,
    },
    tx,
  );
}

/**
 * 待审批采购单 for the programme office: every one waiting, and whether the office is the one to decide
 * it; those it decides come with their facts (lines, submitter, recipients), as a unit's approver sees them.
 */
export async function officeApprovalQueue() {
  const rows = await listPendingPurchaseOrders({ limit: 200 });
  const membersOf = new Map<string, Awaited<ReturnType<typeof listUnitMemberLinks>>>();
  for (const unitId of new Set(rows.map((r) => r.unitId))) membersOf.set(unitId, await listUnitMemberLinks({ unitId }));
  const out = [];
  for (const r of rows) {
    const officeDecides = r.officeApproval || !eligibleApprovers(r.submittedBy, membersOf.get(r.unitId) ?? []).length;
    const o = officeDecides ? await getPurchaseOrderFacts({ orderNo: r.orderNo }) : null;
    out.push({ ...r, officeDecides, facts: o ? factsOf(o) : null });
  }
  return out;
}

function factsOf(o: NonNullable<Awaited<ReturnType<typeof getPurchaseOrderFacts>>>): PurchaseFacts {
  return {
    unitName: o.unitName,
    submitterName: o.submitterName,
    paymentTerms: o.paymentTerms,
    roundName: o.roundName,
    lines: o.lines,
    itemsFen: o.itemsFen,
    shippingFen: o.shippingFen,
    totalFen: o.totalFen,
    recipientsCount: o.recipientsCount,
    officeApproval: true,
    fundSource: o.fundSource,
  };
}

/**
 * A purchase order as its unit's members and the office see it (/unit/orders/[orderNo]): its facts, and
 * who, if anyone, may decide it now: `unit` for an approver who may (domain/purchase-order mayDecide),
 * `office` for the programme office when no approver of the unit may. Null when the viewer may not see it.
 */
export async function purchaseOrderForViewer(p: {
  orderNo: string;
  viewer: { id: string; role: string; unitMemberships: { unitId: string }[] };
  /** The unit portal (its members only) or the office's queue (the office only). */
  as: 'unit' | 'office';
}) {
  const o = await getPurchaseOrderFacts({ orderNo: p.orderNo });
  if (!o?.unitId) return null;
  const isAdmin = p.as === 'office' && p.viewer.role === 'admin';
  if (p.as === 'office' ? !isAdmin : !p.viewer.unitMemberships.some((m) => m.unitId === o.unitId)) return null;
  let decides: 'unit' | 'office' | null = null;
  if (o.status === 'pending_approval') {
    const members = await listUnitMemberLinks({ unitId: o.unitId });
    const officeDecides = o.officeApproval || !eligibleApprovers(o.submittedBy, members).length;
    if (isAdmin && officeDecides) decides = 'office';
    else if (
      !isAdmin &&
      !o.officeApproval &&
      mayDecide({ approverId: p.viewer.id, submittedBy: o.submittedBy, members })
    )
      decides = 'unit';
  }
  const facts = { ...factsOf(o), officeApproval: o.officeApproval };
  const [receipt, lastShippedAt, parcels] = await Promise.all([
    getOrderReceipt({ orderId: o.id }),
    lastShipmentAt({ orderId: o.id }),
    // The recipients, masked as the unit sees them: the approver sees whom the goods go to.
    maskedRecipients({ orderId: o.id }),
  ]);
  return { order: o, facts, decides, receipt, lastShippedAt, parcels };
}
