import 'server-only';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import WxPay from 'wechatpay-node-v3';
import type { IPayRequest } from 'wechatpay-node-v3/dist/lib/pay-request.interface';
import { getEnv } from '@/lib/env';

/**
 * The WeChat Pay APIv3 client of lib/payments/wechat.ts: the merchant's configuration, the SDK
 * (wechatpay-node-v3, which signs every request and holds the AES-256-GCM and RSA verification), and our
 * own transport (GatewayHttp): the SDK's URLs name api.mch.weixin.qq.com, so requests go to
 * WECHATPAY_BASE_URL (the signature covers the path only), and each answer's Wechatpay-Signature is
 * verified with the platform certificate, which the SDK does not do.
 */

const SDK_HOST = 'https://api.mch.weixin.qq.com';
/** Notifications and answers older or newer than this are refused (the APIv3 guide's five minutes). */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** The notification body we read (WeChat's are about 1 KB). */
export const MAX_NOTIFICATION_BYTES = 64 * 1024;

export type WechatConfig = {
  appid: string;
  mchid: string;
  privateKey: Buffer;
  serial: string;
  apiV3Key: string;
  platformKeyPem: string;
  platformSerial: string;
  baseUrl: string;
  notifyUrl: string;
};

/** A PEM given inline (with `\n` escapes) or as a path. */
function pem(value: string): string {
  const inline = value.replace(/\\n/g, '\n').trim();
  if (inline.startsWith('-----BEGIN')) return inline;
  if (existsSync(value)) return readFileSync(value, 'utf8');
  throw new Error('WeChat Pay key or certificate is neither PEM text nor a readable file');
}

let config: WechatConfig | null | undefined;

/** The merchant's configuration, or null when WeChat Pay is not configured (all six variables are needed). */
export function wechatConfig(): WechatConfig | null {
  if (config !== undefined) return config;
  const e = getEnv();
  const { WECHATPAY_APPID: appid, WECHATPAY_MCHID: mchid, WECHATPAY_PRIVATE_KEY: key } = e;
  const { WECHATPAY_CERT_SERIAL: serial, WECHATPAY_APIV3_KEY: apiV3Key, WECHATPAY_PLATFORM_CERT: platform } = e;
  if (!appid || !mchid || !key || !serial || !apiV3Key || !platform) return (config = null);
  const platformPem = pem(platform);
  const isCert = platformPem.includes('CERTIFICATE');
  const platformSerial = isCert
    ? new X509Certificate(platformPem).serialNumber.toUpperCase()
    : e.WECHATPAY_PLATFORM_SERIAL?.toUpperCase();
  if (!platformSerial) throw new Error('WECHATPAY_PLATFORM_SERIAL is required with a WeChat Pay public key');
  config = {
    appid,
    mchid,
    privateKey: Buffer.from(pem(key)),
    serial,
    apiV3Key,
    platformKeyPem: isCert
      ? new X509Certificate(platformPem).publicKey.export({ type: 'spki', format: 'pem' }).toString()
      : platformPem,
    platformSerial,
    baseUrl: e.WECHATPAY_BASE_URL.replace(/\/$/, ''),
    notifyUrl: e.WECHATPAY_NOTIFY_URL ?? `${e.appUrl}/api/pay/wechat/notify`,
  };
  return config;
}

/** The SDK with the platform key preloaded (never fetched: a notification under another serial is refused first). */
class Pay extends WxPay {
  constructor(c: WechatConfig) {
    // The SDK wants a certificate to read the serial from unless it is given; it is given.
    super({
      appid: c.appid,
      mchid: c.mchid,
      serial_no: c.serial,
      publicKey: Buffer.from('-'),
      privateKey: c.privateKey,
      key: c.apiV3Key,
    });
    WxPay.certificates = { ...WxPay.certificates, [c.platformSerial]: c.platformKeyPem };
  }
}

let sdk: Pay | undefined;
export function wechatSdk(): Pay {
  const c = wechatConfig();
  if (!c) throw new Error('WeChat Pay is not configured');
  if (!sdk) {
    sdk = new Pay(c);
    sdk.createHttp(new GatewayHttp(c, sdk));
  }
  return sdk;
}

type Signed = { timestamp: string; nonce: string; serial: string; signature: string; body: string };

/** Whether a body was signed by the platform key now (its serial ours, its time within five minutes). */
export async function isPlatformSigned(
  c: WechatConfig,
  s: Partial<Signed>,
  sdkPay: Pay = wechatSdk(),
): Promise<boolean> {
  if (!s.timestamp || !s.nonce || !s.serial || !s.signature || s.body === undefined) return false;
  if (s.serial.toUpperCase() !== c.platformSerial || !/^\d{1,12}$/.test(s.timestamp)) return false;
  if (Math.abs(Date.now() / 1000 - Number(s.timestamp)) > MAX_CLOCK_SKEW_SECONDS) return false;
  try {
    return await sdkPay.verifySign({ ...s, serial: c.platformSerial } as Signed);
  } catch {
    return false;
  }
}

export const signedHeaders = (h: Headers) => ({
  timestamp: h.get('wechatpay-timestamp') ?? undefined,
  nonce: h.get('wechatpay-nonce') ?? undefined,
  serial: h.get('wechatpay-serial') ?? undefined,
  signature: h.get('wechatpay-signature') ?? undefined,
});

/** A gateway answer that is not a verified success. */
export class WechatPayError extends Error {
  override readonly name = 'WechatPayError';
  constructor(
    readonly status: number,
    readonly code: string | null,
  ) {
    super(`WeChat Pay answered ${status}${code ? ` ${code}` : ''}`);
  }
}

/** The SDK's transport: to WECHATPAY_BASE_URL, 15 s at most, each answer's signature verified. */
class GatewayHttp implements IPayRequest {
  constructor(
    private readonly c: WechatConfig,
    private readonly p: Pay,
  ) {}
  private async send(method: 'GET' | 'POST', url: string, headers: Record<string, string>, body?: object) {
    const target = this.c.baseUrl + url.replace(SDK_HOST, '');
    const res = await fetch(target, {
      method,
      headers: { ...headers, 'Accept-Encoding': 'identity' },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let data: unknown = undefined;
    try {
      data = text ? JSON.parse(text) : undefined;
    } catch {
      data = text;
    }
    if (res.ok && !(await isPlatformSigned(this.c, { ...signedHeaders(res.headers), body: text }, this.p)))
      throw new WechatPayError(res.status, 'RESPONSE_SIGNATURE_INVALID');
    return { status: res.status, data, error: res.ok ? undefined : text };
  }
  post(url: string, params: object, headers: Record<string, string>) {
    return this.send('POST', url, headers, params);
  }
  get(url: string, headers: Record<string, string>) {
    return this.send('GET', url, headers);
  }
  upload(): never {
    throw new Error('not used');
  }
}

type Output = { status: number; data?: unknown };
/** The answer's data when its status is a success (or one of `allowed`); otherwise a WechatPayError. */
export function okAnswer<T>(r: Output, ...allowed: number[]): T {
  if (r.status >= 200 && r.status < 300) return r.data as T;
  if (allowed.includes(r.status)) return r.data as T;
  const code = (r.data as { code?: unknown } | undefined)?.code;
  throw new WechatPayError(r.status, typeof code === 'string' ? code : null);
}
