import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decimalYuanToFen, fenToDecimalYuan } from '../../domain/money';
import { formatChinaSeconds } from '../../domain/time';

/**
 * A local stand-in for Alipay's openapi gateway (https://openapi.alipay.com/gateway.do) that speaks
 * the part of its protocol the store uses, and keeps the truth of what money moved. It makes its own
 * RSA2 key pairs at start: the application's (whose private key the store is given, as 开放平台's
 * 应用私钥) and Alipay's (whose public key the store is given, as 支付宝公钥). It
 * - verifies the store's request signature on every call (all parameters but `sign`, sorted, `k=v`
 *   joined with `&`, RSA-SHA256), and refuses a bad one as Alipay does (isv.invalid-signature);
 * - answers alipay.trade.query / refund / fastpay.refund.query / close signed as Alipay documents: the
 *   JSON text of `<method>_response` signed with Alipay's key, so that the SDK's own verification runs;
 * - serves the cashier for the signed wap.pay / page.pay links, with a 确认付款 button that marks
 *   the trade paid, posts the notification to the notify_url and sends the buyer to the return_url;
 * - builds the asynchronous notifications (payment, refund, closed) signed as Alipay signs them (all
 *   non-empty parameters but `sign` and `sign_type`, sorted, unencoded), for tests to deliver, replay,
 *   delay, reorder and tamper with.
 */
export type Trade = {
  outTradeNo: string;
  tradeNo: string;
  amountFen: number;
  status: 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED' | 'TRADE_FINISHED';
  /** The buyer paid (a trade refunded in full is TRADE_CLOSED but was paid). */
  paid: boolean;
  subject: string;
  timeExpire: string | null;
  notifyUrl: string | null;
  returnUrl: string | null;
};
type Refund = { tradeNo: string; outRequestNo: string; amountFen: number; at: string };

export type FakeAlipay = Awaited<ReturnType<typeof startFakeAlipay>>;

const APP_ID = '2021000000000001';
const yuan = (fen: number) => fenToDecimalYuan(fen);
/** An amount the store sent, in fen; NaN when it is not a decimal yuan amount. */
const fenOf = (y: string) => {
  const fen = decimalYuanToFen(y);
  return fen === null ? NaN : Number(fen);
};
/** Alipay's times are China wall time, `yyyy-MM-dd HH:mm:ss`. */
const chinaTime = (d = new Date()) => formatChinaSeconds(d);
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The content Alipay signs for a set of parameters: sorted, `k=v`, joined with `&`, values unencoded. */
export function signContent(params: Record<string, string>, omit: string[]): string {
  return Object.keys(params)
    .filter((k) => !omit.includes(k) && params[k] !== '' && params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

export async function startFakeAlipay({ appId = APP_ID, port: listenOn = 0 }: { appId?: string; port?: number } = {}) {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const appPrivate = bare(app.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const alipayPublic = bare(platform.publicKey.export({ type: 'spki', format: 'pem' }) as string);
  const sign = (content: string, key = platform.privateKey) =>
    createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');

  const trades = new Map<string, Trade>(); // by out_trade_no
  const refunds: Refund[] = [];
  const requests: { method: string; params: Record<string, string>; biz: Record<string, string> }[] = [];
  /** Notifications the cashier sent, in order, with the store's answers. */
  const sent: { form: Record<string, string>; status: number; answer: string }[] = [];
  /** autoNotify: the cashier posts the notification (after notifyDelayMs), or holds it; tamperAnswers: answers changed after signing. */
  const options = { autoNotify: true, notifyDelayMs: 0, tamperAnswers: false };
  /** Notifications the cashier held back (autoNotify off), delivered later in order. */
  const held: Record<string, string>[] = [];
  let n = 0;
  const next = (prefix: string) => `${prefix}${Date.now()}${String(++n).padStart(6, '0')}`;
  const byTradeNo = (tradeNo: string) => [...trades.values()].find((t) => t.tradeNo === tradeNo);
  const refundedOf = (tradeNo: string) =>
    refunds.filter((r) => r.tradeNo === tradeNo).reduce((s, r) => s + r.amountFen, 0);

  /** The store's signature on a request (its application key), as the gateway checks it. */
  const signedByApp = (params: Record<string, string>) =>
    params.sign !== undefined &&
    params.app_id === appId &&
    params.sign_type === 'RSA2' &&
    createVerify('RSA-SHA256')
      .update(signContent(params, ['sign']), 'utf8')
      .verify(app.publicKey, params.sign, 'base64');

  /** A gateway answer: `<method>_response` as JSON text, and its signature over exactly that text. */
  function answer(method: string, body: Record<string, unknown>): string {
    const json = JSON.stringify(body);
    const shown = options.tamperAnswers ? json.replace(/"(\d+)\.(\d\d)"/g, '"9$1.$2"') : json;
    return `{"${method.replaceAll('.', '_')}_response":${shown},"sign":"${sign(json)}"}`;
  }
  const failed = (sub_code: string, sub_msg: string) => ({ code: '40004', msg: 'Business Failed', sub_code, sub_msg });

  function tradeOf(biz: Record<string, string>): Trade | undefined {
    return biz.out_trade_no ? trades.get(biz.out_trade_no) : biz.trade_no ? byTradeNo(biz.trade_no) : undefined;
  }

  function call(method: string, biz: Record<string, string>): Record<string, unknown> {
    const t = tradeOf(biz);
    const ok = { code: '10000', msg: 'Success' };
    switch (method) {
      case 'alipay.trade.query':
        if (!t || !t.tradeNo) return failed('ACQ.TRADE_NOT_EXIST', '交易不存在');
        return {
          ...ok,
          trade_no: t.tradeNo,
          out_trade_no: t.outTradeNo,
          buyer_logon_id: '159****5620',
          trade_status: t.status,
          total_amount: yuan(t.amountFen),
        };
      case 'alipay.trade.refund': {
        if (!t || t.status === 'WAIT_BUYER_PAY') return failed('ACQ.TRADE_NOT_EXIST', '交易不存在');
        const again = refunds.find((r) => r.tradeNo === t.tradeNo && r.outRequestNo === biz.out_request_no);
        const amount = fenOf(biz.refund_amount ?? '');
        if (!again) {
          if (!biz.out_request_no || !(amount > 0)) return failed('ACQ.INVALID_PARAMETER', '参数无效');
          if (amount > t.amountFen - refundedOf(t.tradeNo))
            return failed('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
          refunds.push({ tradeNo: t.tradeNo, outRequestNo: biz.out_request_no, amountFen: amount, at: chinaTime() });
          if (refundedOf(t.tradeNo) === t.amountFen) t.status = 'TRADE_CLOSED';
        }
        return {
          ...ok,
          trade_no: t.tradeNo,
          out_trade_no: t.outTradeNo,
          buyer_logon_id: '159****5620',
          fund_change: again ? 'N' : 'Y',
          refund_fee: yuan(refundedOf(t.tradeNo)),
        };
      }
      case 'alipay.trade.fastpay.refund.query': {
        const r = t && refunds.find((x) => x.tradeNo === t.tradeNo && x.outRequestNo === biz.out_request_no);
        if (!t) return failed('ACQ.TRADE_NOT_EXIST', '交易不存在');
        // A refund Alipay has not made answers Success with no refund fields, as Alipay does.
        if (!r) return { ...ok, trade_no: t.tradeNo, out_trade_no: t.outTradeNo };
        return {
          ...ok,
          trade_no: t.tradeNo,
          out_trade_no: t.outTradeNo,
          out_request_no: r.outRequestNo,
          total_amount: yuan(t.amountFen),
          refund_amount: yuan(r.amountFen),
          refund_status: 'REFUND_SUCCESS',
        };
      }
      case 'alipay.trade.close':
        if (!t) return failed('ACQ.TRADE_NOT_EXIST', '交易不存在');
        if (t.status !== 'WAIT_BUYER_PAY') return failed('ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        t.status = 'TRADE_CLOSED';
        return { ...ok, trade_no: t.tradeNo, out_trade_no: t.outTradeNo };
      default:
        return { code: '40004', msg: 'Business Failed', sub_code: 'isv.invalid-method', sub_msg: '不存在的方法名' };
    }
  }

  /** The buyer opens a signed wap.pay / page.pay link: the trade is created (or found again) for it. */
  function open(params: Record<string, string>): { trade: Trade } | { error: string } {
    if (!signedByApp(params)) return { error: '验签出错' };
    if (params.method !== 'alipay.trade.wap.pay' && params.method !== 'alipay.trade.page.pay')
      return { error: '不存在的方法名' };
    let biz: Record<string, string>;
    try {
      biz = JSON.parse(params.biz_content ?? '') as Record<string, string>;
    } catch {
      return { error: '参数无效' };
    }
    const amountFen = fenOf(biz.total_amount ?? '');
    if (!biz.out_trade_no || !(amountFen > 0)) return { error: '参数无效' };
    if (biz.time_expire && biz.time_expire <= chinaTime()) return { error: '交易已过期' };
    const old = trades.get(biz.out_trade_no);
    if (old && old.amountFen !== amountFen) return { error: '交易信息被篡改' };
    if (old && old.status !== 'WAIT_BUYER_PAY')
      return { error: old.status === 'TRADE_CLOSED' ? '交易已关闭' : '交易已支付' };
    const trade: Trade = old ?? {
      outTradeNo: biz.out_trade_no,
      tradeNo: next('2026'),
      amountFen,
      status: 'WAIT_BUYER_PAY',
      paid: false,
      subject: biz.subject ?? '',
      timeExpire: biz.time_expire ?? null,
      notifyUrl: params.notify_url ?? null,
      returnUrl: params.return_url ?? null,
    };
    trades.set(trade.outTradeNo, trade);
    return { trade };
  }

  /** An asynchronous notification as Alipay posts it: every parameter signed but `sign` and `sign_type`. */
  function notice(t: Trade, extra: Record<string, string> = {}): Record<string, string> {
    const form: Record<string, string> = {
      gmt_create: chinaTime(),
      charset: 'utf-8',
      seller_email: 'shop@example.com',
      subject: t.subject,
      buyer_id: '2088102177846880',
      invoice_amount: yuan(t.amountFen),
      notify_id: next('2026notify'),
      fund_bill_list: JSON.stringify([{ amount: yuan(t.amountFen), fundChannel: 'ALIPAYACCOUNT' }]),
      notify_type: 'trade_status_sync',
      trade_status: t.status,
      receipt_amount: yuan(t.amountFen),
      app_id: appId,
      buyer_pay_amount: yuan(t.amountFen),
      seller_id: '2088102177649450',
      gmt_payment: chinaTime(),
      notify_time: chinaTime(),
      version: '1.0',
      out_trade_no: t.outTradeNo,
      total_amount: yuan(t.amountFen),
      trade_no: t.tradeNo,
      auth_app_id: appId,
      point_amount: '0.00',
      ...extra,
    };
    return signed(form);
  }
  function signed(form: Record<string, string>): Record<string, string> {
    const { sign: _drop, ...rest } = form;
    return { ...rest, sign_type: 'RSA2', sign: sign(signContent(rest, ['sign', 'sign_type'])) };
  }

  function pay(outTradeNo: string): Record<string, string> {
    const t = trades.get(outTradeNo);
    if (!t || t.status !== 'WAIT_BUYER_PAY') throw new Error(`trade ${outTradeNo} cannot be paid`);
    if (t.timeExpire && t.timeExpire <= chinaTime()) throw new Error(`trade ${outTradeNo} has expired`);
    t.status = 'TRADE_SUCCESS';
    t.paid = true;
    return notice(t);
  }

  async function post(url: string, form: Record<string, string>): Promise<{ status: number; answer: string }> {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(form).toString(),
    });
    const result = { status: r.status, answer: await r.text() };
    sent.push({ form, ...result });
    return result;
  }

  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => resolve(raw));
    });
  const html = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>支付宝 收银台（测试）</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem">${body}</body></html>`,
    );
  };

  async function cashier(t: Trade, res: ServerResponse) {
    html(
      res,
      200,
      `<h1>支付宝 收银台（测试网关）</h1><p>${esc(t.subject)}</p><p>订单号 ${esc(t.outTradeNo)}</p>` +
        `<p style="font-size:2rem">¥${yuan(t.amountFen)}</p>` +
        `<form method="post" action="/cashier/pay"><input type="hidden" name="out_trade_no" value="${esc(t.outTradeNo)}">` +
        `<button type="submit" style="font-size:1.25rem;padding:.75rem 2rem">确认付款</button></form>`,
    );
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = await read(req);
      if (url.pathname === '/gateway.do') {
        const params: Record<string, string> = Object.fromEntries(url.searchParams);
        for (const [k, v] of new URLSearchParams(raw)) params[k] = v;
        if (req.method === 'GET') {
          const r = open(params);
          if ('error' in r) return html(res, 200, `<h1>支付宝</h1><p role="alert">${esc(r.error)}</p>`);
          return cashier(r.trade, res);
        }
        let biz: Record<string, string> = {};
        try {
          biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
        } catch {
          biz = {};
        }
        requests.push({ method: params.method ?? '', params, biz });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        if (!signedByApp(params))
          return res.end(
            JSON.stringify({
              error_response: {
                code: '40002',
                msg: 'Invalid Arguments',
                sub_code: 'isv.invalid-signature',
                sub_msg: '验签出错',
              },
            }),
          );
        return res.end(answer(params.method ?? '', call(params.method ?? '', biz)));
      }
      if (req.method === 'POST' && url.pathname === '/cashier/pay') {
        const t = trades.get(new URLSearchParams(raw).get('out_trade_no') ?? '');
        if (!t || t.status !== 'WAIT_BUYER_PAY') return html(res, 200, '<p role="alert">交易不存在或已支付</p>');
        const form = pay(t.outTradeNo);
        const deliver = () => (t.notifyUrl ? post(t.notifyUrl, form) : Promise.resolve());
        if (options.autoNotify) {
          if (options.notifyDelayMs) setTimeout(() => void deliver().catch(() => undefined), options.notifyDelayMs);
          else await deliver().catch(() => undefined);
        } else held.push(form);
        // The synchronous return (its parameters are for display only: the store asks the gateway).
        const back = new URL(t.returnUrl ?? 'about:blank');
        const ret = signed({
          app_id: appId,
          charset: 'utf-8',
          method: 'alipay.trade.wap.pay.return',
          out_trade_no: t.outTradeNo,
          trade_no: t.tradeNo,
          total_amount: yuan(t.amountFen),
          seller_id: '2088102177649450',
          timestamp: chinaTime(),
          version: '1.0',
        });
        for (const [k, v] of Object.entries(ret)) back.searchParams.set(k, v);
        res.writeHead(302, { location: back.toString() });
        return res.end();
      }
      // Test control (e2e runs the fake in another process): hold or release notifications.
      if (req.method === 'POST' && url.pathname === '/_control/notify') {
        const q = new URLSearchParams(raw);
        if (q.has('auto')) options.autoNotify = q.get('auto') === '1';
        const released = q.get('release') === '1' ? await release() : [];
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ released, sent: sent.length, trades: trades.size }));
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })().catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  async function release() {
    const out = [];
    for (const form of held.splice(0)) {
      const t = trades.get(form.out_trade_no!);
      if (t?.notifyUrl) out.push(await post(t.notifyUrl, form));
    }
    return out;
  }
  await new Promise<void>((r) => server.listen(listenOn, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    appId,
    env: {
      ALIPAY_APP_ID: appId,
      ALIPAY_PRIVATE_KEY: appPrivate,
      ALIPAY_PUBLIC_KEY: alipayPublic,
      ALIPAY_GATEWAY: `http://127.0.0.1:${port}/gateway.do`,
    },
    trades,
    refunds,
    requests,
    sent,
    options,
    held,
    release,
    /** The buyer's browser opens a pay link (GET): the trade exists from then on. Returns the page's text. */
    async openCashier(payUrl: string): Promise<string> {
      return (await fetch(payUrl)).text();
    },
    /** The buyer pays (确认付款): the trade succeeds; returns the notification Alipay sends for it. */
    pay,
    /** The notification of a trade's refund (`outRequestNo`), as Alipay sends it after any refund. */
    refundNotice(tradeNo: string, outRequestNo: string) {
      const t = byTradeNo(tradeNo);
      const r = refunds.find((x) => x.tradeNo === tradeNo && x.outRequestNo === outRequestNo);
      if (!t || !r) throw new Error('no such refund');
      return notice(t, { out_biz_no: outRequestNo, refund_fee: yuan(refundedOf(tradeNo)), gmt_refund: r.at });
    },
    /** A refund made in the merchant's Alipay back office (not through the store); returns its notification. */
    dashboardRefund(tradeNo: string, amountFen: number) {
      const t = byTradeNo(tradeNo);
      if (!t || amountFen <= 0 || amountFen > t.amountFen - refundedOf(tradeNo)) throw new Error('cannot refund that');
      const outRequestNo = next('HZ');
      refunds.push({ tradeNo, outRequestNo, amountFen, at: chinaTime() });
      if (refundedOf(tradeNo) === t.amountFen) t.status = 'TRADE_CLOSED';
      return this.refundNotice(tradeNo, outRequestNo);
    },
    /** A trade closed unpaid (its time_expire passed): the notification of TRADE_CLOSED. */
    closeNotice(outTradeNo: string) {
      const t = trades.get(outTradeNo)!;
      if (t.status === 'WAIT_BUYER_PAY') t.status = 'TRADE_CLOSED';
      return notice(t, { trade_status: 'TRADE_CLOSED' });
    },
    /**
     * A trade paid outside the store's checkout (another integration of the same app), naming any
     * out_trade_no and amount: its notification.
     */
    foreignPayment({ outTradeNo, amountFen }: { outTradeNo: string; amountFen: number }) {
      const t: Trade = {
        outTradeNo: `${outTradeNo}`,
        tradeNo: next('2026'),
        amountFen,
        status: 'TRADE_SUCCESS',
        paid: true,
        subject: '其他收款',
        timeExpire: null,
        notifyUrl: null,
        returnUrl: null,
      };
      trades.set(`foreign:${t.tradeNo}`, t);
      return notice(t);
    },
    /** A form re-signed after a change (a well-signed notification the test shaped), or signed by another key. */
    signed,
    signWithOtherKey(form: Record<string, string>) {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const { sign: _drop, ...rest } = form;
      return { ...rest, sign: sign(signContent(rest, ['sign', 'sign_type']), other) };
    },
    /** A notification's form body as Alipay posts it. */
    body: (form: Record<string, string>) => new URLSearchParams(form).toString(),
    post,
    /** What Alipay moved: charged and refunded, in fen (all CNY). */
    totals() {
      const charged = [...trades.values()].filter((t) => t.paid).reduce((s, t) => s + t.amountFen, 0);
      return { charged, refunded: refunds.reduce((s, r) => s + r.amountFen, 0) };
    },
    refundsOf: (tradeNo: string) => refunds.filter((r) => r.tradeNo === tradeNo),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
