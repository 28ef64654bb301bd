import { randomUUID } from 'node:crypto';
import { lookedUpOrder, placeFor, unitOrder, unmatchedMoney } from '@/scripts/test-support/authz-matrix/orders';
import { ids, type Matrix } from '@/scripts/test-support/authz-matrix/world';

/** Paying: the simulator's buttons, bank transfers, 待处理款项 and the providers' statements. */

export const payments: Matrix = {
  cases: {
    // Only the programme office confirms a transfer; a unit never confirms its own payment.
    confirmTransferAction: {
      allowed: ['admin'],
      input: async () => ({ orderNo: await unitOrder('pending_payment'), amount: '1', requestId: randomUUID() }),
    },
    // The simulator's buttons work for the order's owner (or its token); everyone else gets "not found".
    confirmSimulatedPaymentAction: { allowed: ['buyer'], input: async () => ({ orderNo: await placeFor(ids.buyer) }) },
    cancelSimulatedPaymentAction: { allowed: ['buyer'], input: async () => ({ orderNo: await placeFor(ids.buyer) }) },
    // ── Issue 14 (money): 待处理款项, only the programme office applies or refunds it. ──
    applyUnmatchedAction: { allowed: ['admin'], input: async () => ({ movementId: await unmatchedMoney() }) },
    refundUnmatchedAction: { allowed: ['admin'], input: async () => ({ movementId: await unmatchedMoney() }) },
    // 对账单核对 (issue 19): the office only; an import changes nothing but the audit log.
    importStatementAction: {
      allowed: ['admin'],
      input: async () => ({
        provider: 'wechat',
        billDate: '2026-12-01',
        file: new File(['交易时间,微信订单号,商户订单号,交易状态,订单金额,微信退款单号,申请退款金额\r\n'], 'bill.csv', {
          type: 'text/csv',
        }),
      }),
    },
  },
  foreign: [
    // A buyer cannot pay or cancel someone else's order through the simulator.
    {
      action: 'confirmSimulatedPaymentAction',
      actor: 'buyer',
      input: async () => ({ orderNo: await placeFor(ids.unitBuyer) }),
    },
    // ── issue 13 ─────────────────────────────────────────────────────────────────────────────────
    // The guest lookup's view grant reads an order; it never cancels or pays it.
    {
      action: 'cancelSimulatedPaymentAction',
      actor: 'anonymous',
      input: lookedUpOrder,
    },
    {
      action: 'confirmSimulatedPaymentAction',
      actor: 'anonymous',
      input: lookedUpOrder,
    },
    // ── Issue 14 (money) ──
    // A payUrl's capability is bound to its order: it neither pays nor cancels another one.
    {
      action: 'confirmSimulatedPaymentAction',
      actor: 'buyer',
      input: async () => {
        const { payCapability } = await import('@/lib/payments/pay-link');
        const mine = await placeFor(ids.buyer);
        return { orderNo: await placeFor(ids.unitBuyer), cap: payCapability(mine, new Date(Date.now() + 3_600_000)) };
      },
    },
    {
      action: 'cancelSimulatedPaymentAction',
      actor: 'buyer',
      input: async () => {
        const { payCapability } = await import('@/lib/payments/pay-link');
        const other = await placeFor(ids.unitBuyer);
        return { orderNo: other, cap: payCapability(other, new Date(Date.now() - 2 * 86_400_000)) }; // expired
      },
    },
  ],
};
