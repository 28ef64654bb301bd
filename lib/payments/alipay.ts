import 'server-only';
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { AlipaySdk, type AlipaySdkCommonResult } from 'alipay-sdk';
import { getPaymentSession } from '@/db/queries/payments';
import { readOrderRow } from '@/db/queries/orders';
import { STORE_CURRENCY } from '@/domain/money-movements';
import { decimalYuanToFen, fenToDecimalYuan } from '@/domain/money';
import { formatChinaSeconds } from '@/domain/time';
import { alipayKeys, getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import {
  InvalidNotificationError,
  type Notification,
  type ParsedNotification,
  type PaymentLookup,
  type PaymentProvider,
  type PaymentRequest,
} from './provider';

/**
 * Alipay direct (alipay-sdk, RSA2 keys): 手机网站支付 (alipay.trade.wap.pay) on phones and 电脑网站支付
 * (alipay.trade.page.pay) on desktops, opened as a signed GET link to the gateway. The trade's
 * out_trade_no is the order number with `_` for `-` (Alipay takes letters, digits and underscores);
 * the money movement's reference is Alipay's trade_no, a refund's is `trade_no:out_request_no`.
 * Every answer of the gateway is verified with the 支付宝公钥 (the SDK's validateSign), and so is
 * every notification (checkNotifySignV2) before anything in it is read.
 */

let client: AlipaySdk | null | undefined;

/** The SDK client, or null when ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY are not all set. */
export function getAlipay(): AlipaySdk | null {
  if (client !== undefined) return client;
  const env = getEnv();
  const keys = alipayKeys(env);
  client = keys
    ? new AlipaySdk({
        appId: keys.appId,
        privateKey: pem(privateKeyOf(keys.privateKey), 'pkcs1'),
        keyType: 'PKCS1',
        alipayPublicKey: pem(publicKeyOf(keys.publicKey), 'spki'),
        signType: 'RSA2',
        gateway: env.ALIPAY_GATEWAY,
        camelcase: false,
        timeout: 15_000,
      })
    : null;
  return client;
}

/** A key as 开放平台 hands it out (bare base64) or as PEM, with `\n` written out in an env file. */
const keyText = (k: string) => k.replace(/\\n/g, '\n').trim();
const der = (k: string) => Buffer.from(k.replace(/\s+/g, ''), 'base64');

function privateKeyOf(k: string): KeyObject {
  const t = keyText(k);
  if (t.startsWith('-----')) return createPrivateKey(t);
  try {
    return createPrivateKey({ key: der(t), format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der(t), format: 'der', type: 'pkcs1' });
  }
}

function publicKeyOf(k: string): KeyObject {
  const t = keyText(k);
  return t.startsWith('-----') ? createPublicKey(t) : createPublicKey({ key: der(t), format: 'der', type: 'spki' });
}

const pem = (key: KeyObject, type: 'pkcs1' | 'spki') => key.export({ type, format: 'pem' }) as string;

function alipay(): AlipaySdk {
  const sdk = getAlipay();
  if (!sdk) throw new Error('Alipay is not configured');
  return sdk;
}

/** Our order number as Alipay's out_trade_no, and back (null: not one of ours). */
export const outTradeNoOf = (orderNo: string) => orderNo.replace(/-/g, '_');
const orderNoOf = (outTradeNo: string) => (/^GJ\d{8}_\d{6,}$/.test(outTradeNo) ? outTradeNo.replace('_', '-') : null);

/**
 * out_request_no for an idempotency key: at most 64 characters (a key may be longer), the same for the
 * same key, so that a retried refund is one refund at Alipay.
 */
export const outRequestNoOf = (idempotencyKey: string) =>
  `R${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}`;

const refundRef = (tradeNo: string, outRequestNo: string) => `${tradeNo}:${outRequestNo}`;

const OK = '10000';

/** Calls the gateway; the answer's signature is verified by the SDK (a bad one throws). */
async function call(method: string, bizContent: Record<string, string>): Promise<AlipaySdkCommonResult> {
  return alipay().exec(method, { bizContent }, { validateSign: true });
}

/** The gateway refused: an AppError with its message (the office sees why a refund failed). */
function refused(r: AlipaySdkCommonResult, what: string): AppError {
  return new AppError('conflict', `${what}：${String(r.sub_msg ?? r.msg ?? '支付宝拒绝了请求')}`);
}

function payUrl(p: PaymentRequest): string {
  const appUrl = getEnv().appUrl;
  const result = `${appUrl}/pay/result/${p.orderNo}`;
  const phone = p.device !== 'desktop';
  return alipay().pageExecute(phone ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay', 'GET', {
    notifyUrl: getEnv().ALIPAY_NOTIFY_URL ?? `${appUrl}/api/pay/alipay/notify`,
    returnUrl: result,
    bizContent: {
      out_trade_no: outTradeNoOf(p.orderNo),
      total_amount: fenToDecimalYuan(p.amountFen),
      subject: `个旧消费扶贫商城 订单 ${p.orderNo}`,
      product_code: phone ? 'QUICK_WAP_WAY' : 'FAST_INSTANT_TRADE_PAY',
      // Seconds are dropped, so the trade closes no later than the order.
      time_expire: formatChinaSeconds(p.expiresAt),
      ...(phone ? { quit_url: result } : {}),
    },
  });
}

export const alipayProvider: PaymentProvider = {
  id: 'alipay',
  exact: true,
  recordsRefunds: false,

  /** The signed link to Alipay's cashier; the trade is created there when the buyer opens it. */
  async createPayment(p) {
    return { payUrl: payUrl(p), sessionRef: outTradeNoOf(p.orderNo) };
  },

  async parseNotification(raw) {
    const form = readForm(raw);
    let verified = false;
    try {
      verified = !!form && form.app_id === alipayKeys(getEnv())?.appId && alipay().checkNotifySignV2(form);
    } catch {
      verified = false;
    }
    if (!form || !verified || !form.notify_id || !form.trade_no || !form.out_trade_no || !form.trade_status)
      throw new InvalidNotificationError('signature');
    return {
      eventId: `alipay:${form.notify_id}`,
      eventType: `trade_status_sync:${form.trade_status}`,
      notification: await readNotification(form),
    };
  },

  /** alipay.trade.refund, out_request_no from the idempotency key: the same key refunds once. */
  async refund({ paymentRef, amountFen, idempotencyKey }) {
    const outRequestNo = outRequestNoOf(idempotencyKey);
    const r = await call('alipay.trade.refund', {
      trade_no: paymentRef,
      refund_amount: fenToDecimalYuan(amountFen),
      out_request_no: outRequestNo,
    });
    if (r.code !== OK) throw refused(r, '支付宝退款失败');
    return { externalRef: refundRef(paymentRef, outRequestNo), amountFen, currency: STORE_CURRENCY };
  },

  /**
   * alipay.trade.close. A trade Alipay does not know (the buyer never opened the cashier) cannot be paid
   * after its time_expire, which is the order's; one already paid or closed is left as it is.
   */
  async close(sessionRef) {
    const r = await call('alipay.trade.close', { out_trade_no: sessionRef });
    if (r.code === OK || r.sub_code === 'ACQ.TRADE_NOT_EXIST' || r.sub_code === 'ACQ.TRADE_STATUS_ERROR') return;
    throw refused(r, '支付宝关闭交易失败');
  },

  lookup: lookupTrade,
};

/** The form body as one value per name; null when it is not a form (a name given twice included). */
function readForm(raw: string): Record<string, string> | null {
  if (raw.length > 64_000) return null;
  const form: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (Object.hasOwn(form, k)) return null;
    form[k] = v;
  }
  return form;
}

/** The order id our out_trade_no names, or what Alipay carried when it names no order of ours. */
async function orderRefOf(outTradeNo: string): Promise<{ orderRef: string; ours: boolean }> {
  const orderNo = orderNoOf(outTradeNo);
  const o = orderNo ? await readOrderRow({ orderNo }) : null;
  return o ? { orderRef: o.id, ours: true } : { orderRef: outTradeNo, ours: false };
}

function amountOf(text: string | undefined): bigint {
  const fen = text === undefined ? null : decimalYuanToFen(text);
  if (fen === null) throw new InvalidNotificationError('amount');
  return fen;
}

/**
 * A verified notification in the money model's terms. A refund notice (out_biz_no with gmt_refund or
 * refund_fee, whatever the trade's status) carries Alipay's total refunded so far: the amount of the
 * refund it tells of is read with alipay.trade.fastpay.refund.query, so that each refund is counted
 * once under its own out_request_no whichever path reports it first.
 */
async function readNotification(f: Record<string, string>): Promise<Notification> {
  const { orderRef, ours } = await orderRefOf(f.out_trade_no!);
  if (f.out_biz_no && (f.gmt_refund || f.refund_fee))
    return {
      type: 'refunds',
      paymentRef: f.trade_no!,
      ours,
      refunds: [await refundOf(f.trade_no!, f.out_biz_no)],
    };
  return statusNotification(f.trade_status!, {
    tradeNo: f.trade_no!,
    outTradeNo: f.out_trade_no!,
    orderRef,
    amount: f.total_amount,
  });
}

function statusNotification(
  status: string,
  t: { tradeNo: string; outTradeNo: string; orderRef: string; amount: string | undefined },
): Notification {
  if (status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED')
    return {
      type: 'payment',
      sessionRef: t.outTradeNo,
      orderRef: t.orderRef,
      externalRef: t.tradeNo,
      amountFen: amountOf(t.amount),
      currency: STORE_CURRENCY,
    };
  if (status === 'TRADE_CLOSED')
    return {
      type: 'closed',
      sessionRef: t.outTradeNo,
      orderRef: t.orderRef,
      to: 'expired',
      reason: '支付宝交易已关闭',
    };
  return { type: 'ignored' };
}

async function refundOf(tradeNo: string, outRequestNo: string) {
  const r = await call('alipay.trade.fastpay.refund.query', {
    trade_no: tradeNo,
    out_request_no: outRequestNo,
  });
  const amount = typeof r.refund_amount === 'string' ? decimalYuanToFen(r.refund_amount) : null;
  // Not (yet) a refund Alipay confirms: answered `fail`, and Alipay tells of it again later.
  if (r.code !== OK || amount === null || (r.refund_status && r.refund_status !== 'REFUND_SUCCESS'))
    throw new AppError('conflict', '支付宝尚未确认该笔退款，请稍后重试');
  return { externalRef: refundRef(tradeNo, outRequestNo), amountFen: amount, currency: STORE_CURRENCY };
}

/**
 * alipay.trade.query for 支付结果 and 继续支付: a trade paid whose notification has not arrived yet is
 * applied (under an event id of its own, once); one not paid yet (or not yet opened by the buyer) is open,
 * with the cashier link made again from the payment recorded at checkout.
 */
async function lookupTrade(sessionRef: string): Promise<PaymentLookup | null> {
  const r = await call('alipay.trade.query', { out_trade_no: sessionRef });
  const notYet = r.sub_code === 'ACQ.TRADE_NOT_EXIST' || (r.code === OK && r.trade_status === 'WAIT_BUYER_PAY');
  if (notYet) return reopen(sessionRef);
  if (r.code !== OK || typeof r.trade_no !== 'string' || typeof r.trade_status !== 'string') return null;
  const { orderRef } = await orderRefOf(sessionRef);
  const parsed: ParsedNotification = {
    eventId: `lookup:alipay:${r.trade_no}:${r.trade_status}`,
    eventType: `alipay.trade.query:${r.trade_status}`,
    notification: statusNotification(r.trade_status, {
      tradeNo: r.trade_no,
      outTradeNo: sessionRef,
      orderRef,
      amount: typeof r.total_amount === 'string' ? r.total_amount : undefined,
    }),
  };
  return { state: 'done', parsed };
}

async function reopen(sessionRef: string): Promise<PaymentLookup | null> {
  const s = await getPaymentSession({ provider: 'alipay', externalRef: sessionRef });
  const orderNo = orderNoOf(sessionRef);
  if (!s || !orderNo || s.expiresAt.getTime() <= Date.now()) return null;
  return {
    state: 'open',
    payUrl: payUrl({
      orderId: s.orderId,
      orderNo,
      amountFen: s.amountFen,
      expiresAt: s.expiresAt,
      lines: [],
      shippingFen: 0n,
    }),
  };
}
