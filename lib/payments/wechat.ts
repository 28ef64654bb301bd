import 'server-only';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { ORDER_NO_PATTERN } from '@/domain/order-number';
import { chinaRfc3339 } from '@/domain/time';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { payCapability } from './pay-link';
import {
  isPlatformSigned,
  MAX_NOTIFICATION_BYTES,
  okAnswer,
  signedHeaders,
  wechatConfig,
  WechatPayError,
  wechatSdk,
} from './wechat-client';
import {
  InvalidNotificationError,
  type Notification,
  type ParsedNotification,
  type PaymentLookup,
  type PaymentProvider,
  type PaymentRequest,
} from './provider';

/**
 * WeChat Pay APIv3 as a direct merchant (wechatpay-node-v3): Native (a QR code the store draws, desktop)
 * and H5 (phone browsers), through the client of wechat-client.ts (configuration, SDK, a transport that
 * verifies every answer). out_trade_no is the order number, attach the order id.
 */

/** out_refund_no: at most 64 of [0-9a-zA-Z_-|*@]; our idempotency keys are longer and carry ':'. */
export const outRefundNo = (idempotencyKey: string) => createHash('sha256').update(idempotencyKey).digest('hex');

/**
 * The Native order for a payment request, built from the order alone so that asking again with the same
 * out_trade_no gives the same code_url (the QR page reopens it; WeChat returns the open prepay for
 * identical parameters).
 */
function nativeParams(p: Pick<PaymentRequest, 'orderId' | 'orderNo' | 'amountFen' | 'expiresAt'>) {
  return {
    description: `个旧消费扶贫商城 订单${p.orderNo}`,
    out_trade_no: p.orderNo,
    time_expire: chinaRfc3339(p.expiresAt),
    attach: p.orderId,
    notify_url: wechatConfig()!.notifyUrl,
    amount: { total: Number(p.amountFen), currency: 'CNY' },
  };
}

/** The code_url of an order's Native payment (opened again with identical parameters). */
export async function nativeCodeUrl(
  p: Pick<PaymentRequest, 'orderId' | 'orderNo' | 'amountFen' | 'expiresAt'>,
): Promise<string> {
  const r = okAnswer<{ code_url?: string }>(await wechatSdk().transactions_native(nativeParams(p)));
  if (!r?.code_url) throw new WechatPayError(200, 'NO_CODE_URL');
  return r.code_url;
}

/** Our QR page for an order's Native payment, with the capability to pay it from any browser. */
export const wechatQrPageUrl = (orderNo: string, until: Date) =>
  `/pay/wechat/${orderNo}?cap=${payCapability(orderNo, until)}`;

type Transaction = {
  out_trade_no?: string;
  transaction_id?: string;
  trade_state?: string;
  attach?: string;
  amount?: { total?: number; currency?: string };
};
type RefundResource = {
  out_trade_no?: string;
  transaction_id?: string;
  refund_id?: string;
  refund_status?: string;
  amount?: { refund?: number; currency?: string };
};

const fen = (v: unknown): bigint | null => (Number.isSafeInteger(v) && (v as number) > 0 ? BigInt(v as number) : null);

/** A transaction (notification resource or query answer) in the money model's terms. */
function transactionNotification(t: Transaction): Notification {
  const sessionRef = typeof t.out_trade_no === 'string' ? t.out_trade_no : null;
  const orderRef = typeof t.attach === 'string' && t.attach ? t.attach : sessionRef;
  if (t.trade_state === 'SUCCESS') {
    const amountFen = fen(t.amount?.total);
    if (!t.transaction_id || amountFen === null) throw new InvalidNotificationError('transaction');
    return {
      type: 'payment',
      sessionRef,
      orderRef,
      externalRef: t.transaction_id,
      amountFen,
      currency: (t.amount?.currency ?? 'CNY').toLowerCase(),
    };
  }
  if ((t.trade_state === 'CLOSED' || t.trade_state === 'REVOKED' || t.trade_state === 'PAYERROR') && sessionRef)
    return {
      type: 'closed',
      sessionRef,
      orderRef: t.attach ?? null,
      to: t.trade_state === 'CLOSED' ? 'expired' : 'cancelled',
      reason: t.trade_state === 'CLOSED' ? '微信支付订单已关闭' : '微信支付失败',
    };
  return { type: 'ignored' };
}

function refundNotification(r: RefundResource): Notification {
  const amountFen = fen(r.amount?.refund);
  if (!r.transaction_id || !r.refund_id || amountFen === null) throw new InvalidNotificationError('refund');
  if (r.refund_status !== 'SUCCESS') return { type: 'ignored' };
  return {
    type: 'refunds',
    paymentRef: r.transaction_id,
    ours: typeof r.out_trade_no === 'string' && ORDER_NO_PATTERN.test(r.out_trade_no),
    refunds: [{ externalRef: r.refund_id, amountFen, currency: 'cny' }],
  };
}

type Envelope = {
  id?: unknown;
  event_type?: unknown;
  resource?: { algorithm?: unknown; ciphertext?: unknown; associated_data?: unknown; nonce?: unknown };
};

export const wechatProvider: PaymentProvider = {
  id: 'wechat',
  exact: true,
  recordsRefunds: false,

  /** H5 on a phone (its h5_url, back to 支付结果), else Native (our QR page for its code_url). */
  async createPayment(p) {
    if (p.device === 'phone') {
      const r = okAnswer<{ h5_url?: string }>(
        await wechatSdk().transactions_h5({
          ...nativeParams(p),
          scene_info: {
            payer_client_ip: p.clientIp && isIP(p.clientIp) ? p.clientIp : '127.0.0.1',
            h5_info: { type: 'Wap', app_name: '个旧消费扶贫商城' },
          },
        }),
      );
      if (!r?.h5_url) throw new WechatPayError(200, 'NO_H5_URL');
      const back = `${getEnv().appUrl}/pay/result/${p.orderNo}?cap=${payCapability(p.orderNo, p.expiresAt)}`;
      return { payUrl: `${r.h5_url}&redirect_url=${encodeURIComponent(back)}`, sessionRef: p.orderNo };
    }
    await nativeCodeUrl(p);
    return { payUrl: wechatQrPageUrl(p.orderNo, p.expiresAt), sessionRef: p.orderNo };
  },

  /**
   * Verifies the Wechatpay-* headers over the raw body with the platform key, then decrypts the resource
   * with the APIv3 key (AES-256-GCM: a changed byte fails its tag). Nothing is read before both pass.
   */
  async parseNotification(raw, headers) {
    const c = wechatConfig();
    if (!c || raw.length > MAX_NOTIFICATION_BYTES) throw new InvalidNotificationError('unconfigured or too large');
    if (!(await isPlatformSigned(c, { ...signedHeaders(headers), body: raw })))
      throw new InvalidNotificationError('signature');
    let plain: unknown;
    let env: Envelope;
    try {
      env = JSON.parse(raw) as Envelope;
      const res = env.resource;
      if (
        res?.algorithm !== 'AEAD_AES_256_GCM' ||
        typeof res.ciphertext !== 'string' ||
        typeof res.nonce !== 'string' ||
        typeof res.associated_data !== 'string'
      )
        throw new Error('resource');
      plain = wechatSdk().decipher_gcm(res.ciphertext, res.associated_data, res.nonce, c.apiV3Key);
    } catch {
      throw new InvalidNotificationError('resource');
    }
    if (typeof env.id !== 'string' || typeof env.event_type !== 'string' || !plain || typeof plain !== 'object')
      throw new InvalidNotificationError('envelope');
    const type = env.event_type;
    const notification = type.startsWith('TRANSACTION.')
      ? transactionNotification(plain as Transaction)
      : type.startsWith('REFUND.')
        ? refundNotification(plain as RefundResource)
        : ({ type: 'ignored' } as const);
    return { eventId: `wechat:${env.id}`, eventType: `wechat.${type}`, notification };
  },

  /** The total is read from the payment first (APIv3 wants it); out_refund_no makes a retry the same refund. */
  async refund({ paymentRef, amountFen, idempotencyKey }) {
    const t = okAnswer<Transaction>(await wechatSdk().query({ transaction_id: paymentRef }));
    const total = fen(t?.amount?.total);
    if (total === null) throw new WechatPayError(200, 'NO_TOTAL');
    const answer = await wechatSdk().refunds({
      transaction_id: paymentRef,
      out_refund_no: outRefundNo(idempotencyKey),
      amount: { refund: Number(amountFen), total: Number(total), currency: 'CNY' },
    });
    // Refused (NOT_ENOUGH: less is left than the store knew of, a refund made on the merchant platform
    // whose notification is on its way, say): refused to the office, as the other providers do.
    if (answer.status >= 400 && answer.status < 500) {
      const code = (answer.data as { code?: unknown } | undefined)?.code;
      throw new AppError(
        'conflict',
        code === 'NOT_ENOUGH'
          ? '微信支付退款失败：该笔付款的可退金额不足（可能已在商户平台退款），请稍后刷新后重试'
          : `微信支付退款失败：${typeof code === 'string' ? code : answer.status}`,
      );
    }
    const r = okAnswer<RefundResource>(answer);
    const refunded = fen(r?.amount?.refund);
    if (!r?.refund_id || refunded === null) throw new WechatPayError(200, 'NO_REFUND_ID');
    return { externalRef: r.refund_id, amountFen: refunded, currency: 'cny' };
  },

  /** Closes an unpaid trade; one already paid (ORDER_PAID) or closed is left as it is. */
  async close(sessionRef) {
    const r = await wechatSdk().close(sessionRef);
    const code = (r.data as { code?: string } | undefined)?.code;
    if (r.status >= 400 && code !== 'ORDER_PAID' && code !== 'ORDER_CLOSED' && code !== 'ORDER_NOT_EXIST') okAnswer(r);
  },

  lookup: lookupTrade,
};

/** The trade read again by out_trade_no: open (NOTPAY, USERPAYING), or what became of it. */
async function lookupTrade(sessionRef: string): Promise<PaymentLookup | null> {
  const t = okAnswer<Transaction>(await wechatSdk().query({ out_trade_no: sessionRef }));
  if (!t?.trade_state) return null;
  // Open: its QR page (for the order's buyer; the code_url is opened again there).
  if (t.trade_state === 'NOTPAY' || t.trade_state === 'USERPAYING')
    return { state: 'open', payUrl: `/pay/wechat/${sessionRef}` };
  const parsed: ParsedNotification = {
    eventId: `wechat:lookup:${sessionRef}:${t.trade_state}:${t.transaction_id ?? ''}`,
    eventType: `wechat.lookup.${t.trade_state}`,
    notification: transactionNotification(t),
  };
  return { state: 'done', parsed };
}
