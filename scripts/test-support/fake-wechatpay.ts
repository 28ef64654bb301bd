import { execFileSync } from 'node:child_process';
import { createCipheriv, createSign, createVerify, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fenToDecimalYuan } from '../../domain/money';
import { chinaRfc3339 } from '../../domain/time';

/**
 * A local stand-in for api.mch.weixin.qq.com that speaks the part of WeChat Pay APIv3 the store uses,
 * holding its own platform key and self-signed certificate (made with the openssl CLI at start, like the
 * merchant's): it verifies each request's Authorization (WECHATPAY2-SHA256-RSA2048 over method, path,
 * timestamp, nonce and body with the merchant's certificate), signs each answer with Wechatpay-Timestamp,
 * -Nonce, -Serial and -Signature, and builds notifications whose resource is AES-256-GCM encrypted with
 * the APIv3 key. Trades: Native and H5 (same out_trade_no with identical parameters returns the same
 * prepay), query by out_trade_no or transaction_id, close, refunds (out_refund_no replays answer the
 * first refund), the trade bill (交易账单, fields prefixed with a backtick). Tests "scan" a trade,
 * then deliver, replay, reorder or tamper with the notifications it builds.
 */

export type WechatKeys = {
  apiV3Key: string;
  mchid: string;
  appid: string;
  merchantKeyPem: string;
  merchantCertPem: string;
  merchantSerial: string;
  platformKeyPem: string;
  platformCertPem: string;
  platformSerial: string;
};

function selfSigned(dir: string, name: string): { key: string; cert: string; serial: string } {
  const key = join(dir, `${name}-key.pem`);
  const cert = join(dir, `${name}-cert.pem`);
  if (!existsSync(cert))
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        `/CN=${name}`,
        '-days',
        '3',
      ],
      { stdio: 'ignore' },
    );
  const certPem = readFileSync(cert, 'utf8');
  return { key: readFileSync(key, 'utf8'), cert: certPem, serial: new X509Certificate(certPem).serialNumber };
}

/**
 * Test keys for the merchant and the platform. In `dir` when one is named (kept, so that other processes read
 * the same ones); otherwise made in a temporary directory that is removed once they are read (each test
 * file's set used to stay in /tmp, private keys and all).
 */
export function wechatTestKeys(dir?: string): WechatKeys {
  const where = dir ?? mkdtempSync(join(tmpdir(), 'gejiu-wxpay-'));
  try {
    mkdirSync(where, { recursive: true });
    const m = selfSigned(where, 'merchant');
    const p = selfSigned(where, 'platform');
    const v3 = join(where, 'apiv3.key');
    if (!existsSync(v3)) writeFileSync(v3, randomBytes(16).toString('hex'));
    return {
      apiV3Key: readFileSync(v3, 'utf8'),
      mchid: '1900000109',
      appid: 'wxd678efh567hg6787',
      merchantKeyPem: m.key,
      merchantCertPem: m.cert,
      merchantSerial: m.serial,
      platformKeyPem: p.key,
      platformCertPem: p.cert,
      platformSerial: p.serial,
    };
  } finally {
    if (!dir) rmSync(where, { recursive: true, force: true });
  }
}

/** The store's WECHATPAY_* variables for these keys and a gateway at `baseUrl`. */
export function wechatEnv(k: WechatKeys, baseUrl: string): Record<string, string> {
  return {
    WECHATPAY_APPID: k.appid,
    WECHATPAY_MCHID: k.mchid,
    WECHATPAY_PRIVATE_KEY: k.merchantKeyPem,
    WECHATPAY_CERT_SERIAL: k.merchantSerial,
    WECHATPAY_APIV3_KEY: k.apiV3Key,
    WECHATPAY_PLATFORM_CERT: k.platformCertPem,
    WECHATPAY_BASE_URL: baseUrl,
  };
}

type Trade = {
  outTradeNo: string;
  tradeType: 'NATIVE' | 'H5';
  params: string;
  total: number;
  attach: string | null;
  notifyUrl: string;
  description: string;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';
  transactionId: string | null;
  successTime: string | null;
  codeUrl: string;
};
type Refund = {
  refundId: string;
  outRefundNo: string;
  transactionId: string;
  outTradeNo: string;
  amount: number;
  total: number;
};
export type Delivery = { body: string; headers: Record<string, string> };

type SignOptions = { key?: string; serial?: string; timestamp?: number };

/** The Wechatpay-* headers of a body, signed with the platform key (or another, to tamper). */
export function signAsPlatform(keys: WechatKeys, body: string, opts: SignOptions = {}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .sign(opts.key ?? keys.platformKeyPem, 'base64');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': opts.serial ?? keys.platformSerial,
    'Wechatpay-Signature': signature,
  };
}

/** A notification resource: the plaintext JSON encrypted with AES-256-GCM under the APIv3 key. */
export function encryptResource(keys: WechatKeys, plain: object, associated: string) {
  const nonce = randomBytes(6).toString('hex'); // 12 characters, as WeChat Pay sends
  const c = createCipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key), Buffer.from(nonce));
  c.setAAD(Buffer.from(associated));
  const ct = Buffer.concat([c.update(JSON.stringify(plain), 'utf8'), c.final(), c.getAuthTag()]);
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ct.toString('base64'), associated_data: associated, nonce };
}

export type FakeWechatPay = Awaited<ReturnType<typeof startFakeWechatPay>>;

const chinaTime = (d = new Date()) => chinaRfc3339(d);

export async function startFakeWechatPay(keys: WechatKeys = wechatTestKeys(), { port = 0 } = {}) {
  const trades = new Map<string, Trade>();
  const refunds = new Map<string, Refund>(); // by out_refund_no
  const requests: { method: string; path: string; body: string; authorized: boolean }[] = [];
  /** Test switches: sign answers with another key; run something when a refund is made, before answering. */
  const options: { answerKey?: string; onRefund?: (r: Refund) => Promise<void> } = {};
  let made: Refund | null = null;
  let n = 0;
  const seq = () => String(++n).padStart(8, '0');

  const sign = (body: string, opts: SignOptions = {}) => signAsPlatform(keys, body, opts);
  const encrypt = (plain: object, associated: string) => encryptResource(keys, plain, associated);

  function authorized(method: string, path: string, body: string, header: string | undefined): boolean {
    const m = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(header ?? '');
    if (!m) return false;
    const f = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (f.mchid !== keys.mchid || f.serial_no?.toUpperCase() !== keys.merchantSerial.toUpperCase()) return false;
    if (Math.abs(Date.now() / 1000 - Number(f.timestamp)) > 300) return false;
    const message = `${method}\n${path}\n${f.timestamp}\n${f.nonce_str}\n${body}\n`;
    return createVerify('RSA-SHA256')
      .update(message)
      .verify(keys.merchantCertPem, f.signature ?? '', 'base64');
  }

  const tradeJson = (t: Trade) => ({
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: t.outTradeNo,
    ...(t.transactionId ? { transaction_id: t.transactionId } : {}),
    trade_type: t.tradeType,
    trade_state: t.state,
    trade_state_desc: { NOTPAY: '未支付', SUCCESS: '支付成功', CLOSED: '已关闭', REFUND: '转入退款' }[t.state],
    ...(t.attach ? { attach: t.attach } : {}),
    ...(t.successTime ? { success_time: t.successTime, bank_type: 'OTHERS', payer: { openid: 'oFAKE_buyer' } } : {}),
    amount: {
      total: t.total,
      currency: 'CNY',
      ...(t.transactionId ? { payer_total: t.total, payer_currency: 'CNY' } : {}),
    },
  });
  const refundJson = (r: Refund) => ({
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: 'ORIGINAL',
    status: 'SUCCESS',
    refund_status: 'SUCCESS',
    create_time: chinaTime(),
    success_time: chinaTime(),
    amount: { total: r.total, refund: r.amount, payer_total: r.total, payer_refund: r.amount, currency: 'CNY' },
  });
  type Out = { status: number; body?: unknown; text?: string };
  const error = (status: number, code: string, message: string): Out => ({ status, body: { code, message } });

  function handle(method: string, url: URL, raw: string): Out {
    const path = url.pathname;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const create = /^\/v3\/pay\/transactions\/(native|h5)$/.exec(path);
    if (method === 'POST' && create) {
      const type = create[1] === 'native' ? 'NATIVE' : 'H5';
      const amount = body.amount as { total?: unknown } | undefined;
      if (
        typeof body.out_trade_no !== 'string' ||
        !Number.isSafeInteger(amount?.total) ||
        (amount!.total as number) < 1
      )
        return error(400, 'PARAM_ERROR', '参数错误');
      if (body.mchid !== keys.mchid || body.appid !== keys.appid) return error(400, 'MCH_NOT_EXISTS', '商户号不存在');
      const params = JSON.stringify({ ...body, scene_info: undefined });
      const had = trades.get(body.out_trade_no);
      if (had && (had.params !== params || had.tradeType !== type))
        return error(400, 'INVALID_REQUEST', '201 商户订单号重复');
      if (had && had.state !== 'NOTPAY')
        return had.state === 'SUCCESS'
          ? error(403, 'ORDER_PAID', '订单已支付')
          : error(400, 'ORDER_CLOSED', '订单已关闭');
      const t: Trade = had ?? {
        outTradeNo: body.out_trade_no,
        tradeType: type,
        params,
        total: amount!.total as number,
        attach: typeof body.attach === 'string' ? body.attach : null,
        notifyUrl: String(body.notify_url),
        description: String(body.description),
        state: 'NOTPAY',
        transactionId: null,
        successTime: null,
        codeUrl: `weixin://wxpay/bizpayurl?pr=FAKE${seq()}`,
      };
      trades.set(t.outTradeNo, t);
      return type === 'NATIVE'
        ? { status: 200, body: { code_url: t.codeUrl } }
        : {
            status: 200,
            body: { h5_url: `${origin()}/h5pay?prepay_id=wx${t.codeUrl.slice(-8)}&out_trade_no=${t.outTradeNo}` },
          };
    }
    const byNo = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
    const byId = /^\/v3\/pay\/transactions\/id\/([^/]+)$/.exec(path);
    if (method === 'GET' && (byNo || byId)) {
      const t = byNo
        ? trades.get(decodeURIComponent(byNo[1]!))
        : [...trades.values()].find((x) => x.transactionId === decodeURIComponent(byId![1]!));
      return t ? { status: 200, body: tradeJson(t) } : error(404, 'ORDER_NOT_EXIST', '订单不存在');
    }
    const close = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path);
    if (method === 'POST' && close) {
      const t = trades.get(decodeURIComponent(close[1]!));
      if (!t) return error(404, 'ORDER_NOT_EXIST', '订单不存在');
      if (t.state === 'SUCCESS' || t.state === 'REFUND') return error(400, 'ORDER_PAID', '订单已支付');
      t.state = 'CLOSED';
      return { status: 204 };
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const outRefundNo = body.out_refund_no;
      const a = body.amount as { refund?: number; total?: number } | undefined;
      if (typeof outRefundNo !== 'string' || !/^[0-9a-zA-Z_\-|*@]{1,64}$/.test(outRefundNo))
        return error(400, 'PARAM_ERROR', 'out_refund_no 格式错误');
      const seen = refunds.get(outRefundNo);
      if (seen) return { status: 200, body: refundJson(seen) };
      const t = [...trades.values()].find((x) => x.transactionId === body.transaction_id);
      if (!t || !t.transactionId) return error(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
      if (a?.total !== t.total) return error(400, 'PARAM_ERROR', '订单金额不一致');
      const left = t.total - refundsOf(t.transactionId).reduce((s, r) => s + r.amount, 0);
      if (!Number.isSafeInteger(a.refund) || a.refund! < 1 || a.refund! > left)
        return error(403, 'NOT_ENOUGH', '可退金额不足');
      const r: Refund = {
        refundId: `50300${seq()}`,
        outRefundNo,
        transactionId: t.transactionId,
        outTradeNo: t.outTradeNo,
        amount: a.refund!,
        total: t.total,
      };
      refunds.set(outRefundNo, r);
      made = r;
      t.state = 'REFUND';
      return { status: 200, body: refundJson(r) };
    }
    if (method === 'GET' && path === '/v3/bill/tradebill') {
      const date = url.searchParams.get('bill_date') ?? '';
      return {
        status: 200,
        body: { hash_type: 'SHA1', hash_value: '', download_url: `${origin()}/v3/billdownload/file?bill_date=${date}` },
      };
    }
    if (method === 'GET' && path === '/v3/billdownload/file') return { status: 200, text: tradeBill() };
    return error(404, 'NOT_FOUND', '接口不存在');
  }

  const refundsOf = (transactionId: string) => [...refunds.values()].filter((r) => r.transactionId === transactionId);

  /** 交易账单 (ALL) as WeChat Pay lays it out: a header line, one line per trade or refund, then the totals. */
  function tradeBill(): string {
    const head =
      '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
    const yuan = (f: number) => fenToDecimalYuan(f);
    const rows: string[] = [];
    let total = 0;
    let refunded = 0;
    for (const t of trades.values()) {
      if (!t.transactionId) continue;
      total += t.total;
      const base = [
        t.successTime ?? '',
        keys.appid,
        keys.mchid,
        '0',
        '',
        t.transactionId,
        t.outTradeNo,
        'oFAKE_buyer',
        t.tradeType,
        'SUCCESS',
        'OTHERS',
        'CNY',
        yuan(t.total),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        t.description,
        t.attach ?? '',
        '0.00',
        '0.60%',
        yuan(t.total),
        '0.00',
        '',
      ];
      rows.push(base.map((v) => `\`${v}`).join(','));
      for (const r of refundsOf(t.transactionId)) {
        refunded += r.amount;
        const line = [...base];
        line[9] = 'REFUND';
        line[12] = '0.00';
        line[14] = r.refundId;
        line[15] = r.outRefundNo;
        line[16] = yuan(r.amount);
        line[18] = 'ORIGINAL';
        line[19] = 'SUCCESS';
        line[25] = yuan(r.amount);
        rows.push(line.map((v) => `\`${v}`).join(','));
      }
    }
    const foot = [
      '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额',
      [rows.length, yuan(total), yuan(refunded), '0.00', '0.00', yuan(total), yuan(refunded)]
        .map((v) => `\`${v}`)
        .join(','),
    ];
    return [head, ...rows, ...foot].join('\r\n') + '\r\n';
  }

  let baseUrl = '';
  const origin = () => baseUrl;

  /** Marks a Native/H5 trade paid (as if the buyer scanned and paid) and returns its notification. */
  function pay(outTradeNo: string, opts: { amount?: number } = {}): Delivery {
    const t = trades.get(outTradeNo);
    if (!t) throw new Error(`no trade ${outTradeNo}`);
    if (!t.transactionId) {
      t.transactionId = `4200000${seq()}${Math.floor(Math.random() * 1e6)}`;
      t.successTime = chinaTime();
      t.state = 'SUCCESS';
      if (opts.amount) t.total = opts.amount;
    }
    return notification('TRANSACTION.SUCCESS', 'transaction', tradeJson(t));
  }

  /** A refund's notification (REFUND.SUCCESS); makes the refund first when `amount` is given (the merchant platform). */
  function refundNotice(transactionId: string, refund?: { amount: number }): Delivery {
    let r = refundsOf(transactionId).at(-1);
    if (refund) {
      const t = [...trades.values()].find((x) => x.transactionId === transactionId)!;
      r = {
        refundId: `50300${seq()}`,
        outRefundNo: `mp${seq()}`,
        transactionId,
        outTradeNo: t.outTradeNo,
        amount: refund.amount,
        total: t.total,
      };
      refunds.set(r.outRefundNo, r);
    }
    if (!r) throw new Error(`no refund of ${transactionId}`);
    const j = refundJson(r);
    return notification('REFUND.SUCCESS', 'refund', { mchid: keys.mchid, ...j, user_received_account: '支付用户零钱' });
  }

  /** REFUND.SUCCESS for each refund of the payment, as WeChat Pay sends one after each refund. */
  function refundNotices(transactionId: string): Delivery[] {
    return refundsOf(transactionId).map((r) =>
      notification('REFUND.SUCCESS', 'refund', {
        mchid: keys.mchid,
        ...refundJson(r),
        user_received_account: '支付用户零钱',
      }),
    );
  }

  /** What WeChat Pay moved (CNY only): charged (trades paid) and refunded, in fen. */
  function totals(): { charged: number; refunded: number } {
    let charged = 0;
    for (const t of trades.values()) if (t.transactionId) charged += t.total;
    let refunded = 0;
    for (const r of refunds.values()) refunded += r.amount;
    return { charged, refunded };
  }

  /** A notification as WeChat Pay posts it, signed; `tamper` changes it after signing. */
  function notification(
    eventType: string,
    original: string,
    plain: object,
    id = `EV-${randomBytes(8).toString('hex')}`,
  ): Delivery {
    const body = JSON.stringify({
      id,
      create_time: chinaTime(),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary: eventType === 'TRANSACTION.SUCCESS' ? '支付成功' : '退款成功',
      resource: { original_type: original, ...encrypt(plain, original) },
    });
    return { body, headers: { 'Content-Type': 'application/json', ...sign(body) } };
  }

  /** Posts a delivery to a trade's notify_url (the running store), as WeChat Pay does; returns the status. */
  async function deliverTo(url: string, d: Delivery): Promise<number> {
    const r = await fetch(url, { method: 'POST', headers: d.headers, body: d.body });
    await r.arrayBuffer();
    return r.status;
  }

  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://fake');
        const target = url.pathname + url.search;
        // Test controls (never part of the protocol): "scan" pays a trade and posts its notification.
        const scan = /^\/__test\/scan\/([^/]+)$/.exec(url.pathname);
        if (scan && req.method === 'POST') {
          const t = trades.get(decodeURIComponent(scan[1]!));
          if (!t) return void res.writeHead(404).end();
          const status = await deliverTo(t.notifyUrl, pay(t.outTradeNo));
          return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status }));
        }
        if (url.pathname === '/health') return void res.writeHead(200).end('ok');
        if (url.pathname === '/__test/bill')
          return void res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' }).end(tradeBill());
        // The H5 cashier (the WeChat app, opened from the phone's browser): 确认支付 pays the trade, posts
        // its notification to the store, then returns the buyer to redirect_url as WeChat Pay does.
        if (url.pathname === '/h5pay') {
          const no = url.searchParams.get('out_trade_no') ?? '';
          const back = url.searchParams.get('redirect_url') ?? '';
          const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
          const html = `<!doctype html><html lang="zh-CN"><meta name="viewport" content="width=device-width"><title>微信支付</title><main><h1>微信支付（测试网关）</h1><p>订单 ${esc(no)}</p><form method="post" action="/h5pay/confirm"><input type="hidden" name="out_trade_no" value="${esc(no)}"><input type="hidden" name="redirect_url" value="${esc(back)}"><button>确认支付</button></form></main></html>`;
          return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
        }
        if (url.pathname === '/h5pay/confirm' && req.method === 'POST') {
          const form = new URLSearchParams(raw);
          const t = trades.get(form.get('out_trade_no') ?? '');
          if (!t) return void res.writeHead(404).end();
          await deliverTo(t.notifyUrl, pay(t.outTradeNo));
          return void res.writeHead(303, { Location: form.get('redirect_url') || '/' }).end();
        }
        const ok = authorized(req.method ?? '', target, raw, req.headers.authorization);
        requests.push({ method: req.method ?? '', path: target, body: raw, authorized: ok });
        made = null;
        const out = ok ? handle(req.method ?? '', url, raw) : error(401, 'SIGN_ERROR', '签名错误');
        if (made && options.onRefund) await options.onRefund(made);
        const text = out.text ?? (out.body === undefined ? '' : JSON.stringify(out.body));
        const headers: Record<string, string> = { ...sign(text, { key: options.answerKey }) };
        if (text) headers['Content-Type'] = out.text ? 'text/plain; charset=utf-8' : 'application/json';
        res.writeHead(out.status, headers).end(text);
      })();
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const actual = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${actual}`;

  return {
    keys,
    port: actual,
    baseUrl,
    env: wechatEnv(keys, baseUrl),
    options,
    trades,
    refunds,
    requests,
    refundsOf,
    pay,
    refundNotice,
    refundNotices,
    totals,
    notification,
    sign,
    tradeBill,
    deliverTo,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
