import 'server-only';
import { getOrderRecord } from '@/db/queries/orders';
import { transaction } from '@/db/tx';
import { awaitsPayment, balanceDue, STORE_CURRENCY } from '@/domain/money-movements';
import { AppError } from '@/lib/errors';
import { receiveMoney, type ReceiveResult } from './movements';
import { simulatorPayUrl } from './pay-link';
import { InvalidNotificationError, type PaymentProvider } from './provider';

/**
 * The offline payment simulator (PAYMENT_SIMULATOR) as a provider: its page takes the place of a
 * cashier and charges the order's balance; refunds are recorded by the store. Its "notification" is
 * the 确认支付 button (paySimulated), which goes through the same money model as Stripe's webhook.
 */
export const simulatorProvider: PaymentProvider = {
  id: 'simulated',
  exact: true,
  recordsRefunds: true,
  async createPayment(p) {
    return { payUrl: simulatorPayUrl(p.orderNo, p.expiresAt), sessionRef: null };
  },
  async parseNotification() {
    throw new InvalidNotificationError('the simulator sends no notifications');
  },
  async refund({ amountFen, idempotencyKey }) {
    return { externalRef: `sim-refund:${idempotencyKey}`, amountFen, currency: STORE_CURRENCY };
  },
  async close() {},
};

/** Bank transfers: confirmed by the programme office (lib/orders/purchase-orders), refunds recorded by it. */
export const bankTransferProvider: PaymentProvider = {
  id: 'bank_transfer',
  exact: false,
  recordsRefunds: true,
  async createPayment() {
    throw new AppError('invalid_input', '对公转账请按识别码转账');
  },
  async parseNotification() {
    throw new InvalidNotificationError('bank transfers send no notifications');
  },
  async refund({ amountFen, idempotencyKey }) {
    return { externalRef: `transfer-refund:${idempotencyKey}`, amountFen, currency: STORE_CURRENCY };
  },
  async close() {},
};

/**
 * 确认支付 on the simulator: charges the balance due at this moment, once per order (the reference is
 * the order's), through receiveMoney. The cashier refuses an order that is not awaiting payment; one
 * closed between that check and the charge gets the money as 待处理款项, as a provider's late payment.
 */
export async function paySimulated({ orderNo }: { orderNo: string }): Promise<ReceiveResult> {
  const o = (await getOrderRecord({ orderNo }))?.order;
  if (!o) throw new AppError('not_found', '订单不存在');
  const amountFen = balanceDue(o);
  if (!awaitsPayment(o) || amountFen === 0n) throw new AppError('conflict', '该订单已付款或已关闭，无法付款');
  return transaction(
    (tx) =>
      receiveMoney(tx, {
        kind: 'payment',
        provider: 'simulated',
        externalRef: `sim:${orderNo}`,
        amountFen,
        currency: STORE_CURRENCY,
        orderId: o.id,
        exact: true,
      }),
    { retry: true },
  );
}
