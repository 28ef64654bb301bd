import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Every environment variable the app reads, parsed once with zod. Defaults are the embedded mode's.
 * This is the only module that reads process.env (lint: no-restricted-properties), apart from scripts,
 * benchmarks, tests, config files and lib/cache/shared-tags-handler.js (see the note there).
 */
const flag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));
const positiveInt = (fallback: number, max = 1_000_000_000) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Set by `next start`/`next dev` (the Node server); unset in scripts and tests. */
  NEXT_RUNTIME: z.enum(['nodejs', 'edge']).optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: positiveInt(10, 500),
  PGLITE_DIR: z.string().min(1).default('./.data/pglite'),
  /**
   * Set by scripts/build.ts to a directory it removes after `next build`: each build worker opens its own
   * copy of the PGlite directory there (db/client.ts).
   */
  GEJIU_DB_SNAPSHOT: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin used in QR codes and links in e-mails; defaults to the local server. */
  APP_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  DATA_ENCRYPTION_KEY: z.string().min(16).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_API_HOST: z.string().min(1).optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
  /**
   * Alipay direct (lib/payments/alipay.ts): on when the app id and both keys are set. The keys are the
   * 开放平台 application's 应用私钥 (RSA2, PKCS#1 or PKCS#8, PEM or bare base64) and the 支付宝公钥.
   */
  ALIPAY_APP_ID: z.string().min(1).optional(),
  ALIPAY_PRIVATE_KEY: z.string().min(1).optional(),
  ALIPAY_PUBLIC_KEY: z.string().min(1).optional(),
  ALIPAY_GATEWAY: z.url().default('https://openapi.alipay.com/gateway.do'),
  /** Where Alipay posts its notifications; default `${APP_URL}/api/pay/alipay/notify`. */
  ALIPAY_NOTIFY_URL: z.url().optional(),
  /**
   * WeChat Pay APIv3 direct merchant (lib/payments/wechat.ts): on only when the first six are set. Keys and
   * certificates are PEM text (`\n` escapes allowed) or a path to a PEM file.
   */
  WECHATPAY_APPID: z.string().min(1).optional(),
  WECHATPAY_MCHID: z.string().min(1).optional(),
  WECHATPAY_PRIVATE_KEY: z.string().min(1).optional(),
  WECHATPAY_CERT_SERIAL: z.string().min(1).optional(),
  WECHATPAY_APIV3_KEY: z.string().length(32, 'APIv3 密钥为 32 个字符').optional(),
  WECHATPAY_PLATFORM_CERT: z.string().min(1).optional(),
  /** Needed only when WECHATPAY_PLATFORM_CERT is a 微信支付公钥 (PUB_KEY_ID_…) rather than a certificate. */
  WECHATPAY_PLATFORM_SERIAL: z.string().min(1).optional(),
  /** The gateway's origin (tests point it at scripts/test-support/fake-wechatpay.ts). */
  WECHATPAY_BASE_URL: z.url().default('https://api.mch.weixin.qq.com'),
  /** Where WeChat Pay posts notifications; default APP_URL + /api/pay/wechat/notify. */
  WECHATPAY_NOTIFY_URL: z.url().optional(),
  PAYMENT_SIMULATOR: flag,
  ORDER_PAYMENT_TIMEOUT_MINUTES: positiveInt(30, 24 * 60),
  RATE_LIMIT_LOGIN_PER_15_MIN: positiveInt(5),
  RATE_LIMIT_ORDERS_PER_MINUTE: positiveInt(60),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/http/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Retail orders of guests and of accounts that are not members of a verified unit (domain/order-holds.ts):
   * units per line, yuan per order, open unpaid orders per mobile, account and address (0: no cap, for load
   * tests), and minutes held.
   */
  GUEST_MAX_LINE_QUANTITY: positiveInt(20, 10_000),
  GUEST_MAX_ORDER_YUAN: positiveInt(5_000, 100_000_000),
  GUEST_MAX_OPEN_ORDERS: z.coerce.number().int().min(0).max(1_000).default(3),
  GUEST_HOLD_MINUTES: positiveInt(15, 24 * 60),
  /** How often each app process expires unpaid orders and certificates (lib/payments/sweep.ts). */
  EXPIRY_SWEEP_SECONDS: positiveInt(60, 3600),
  /** Read by lib/cache/shared-tags-handler.js itself; listed here so that a bad value stops the start. */
  CACHE_TAG_POLL_MS: positiveInt(1000, 3_600_000),
  SEED_DEMO: flag,
  /** System tests only (e2e/system/faults.spec.ts): pause at a named point so that the process can be killed. */
  GEJIU_FAULT_POINT: z.string().min(1).optional(),
  GEJIU_FAULT_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
});

export type Env = z.infer<typeof EnvSchema> & {
  appUrl: string;
  paymentSimulator: boolean;
  dbKind: 'pglite' | 'postgres';
};

/** Parses a set of variables (empty strings count as unset). Throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      return `  ${name}=${JSON.stringify(raw[name] ?? '')}: ${i.message}`;
    });
    throw new Error(`环境变量无效，请修改后重新启动 / Invalid environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    ...e,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    paymentSimulator: e.PAYMENT_SIMULATOR ?? !(e.STRIPE_SECRET_KEY || alipayKeys(e) || wechatConfigured(e)),
    dbKind: e.DATABASE_URL ? 'postgres' : 'pglite',
  };
}

/** Alipay is configured when its app id and both keys are set. */
export function alipayKeys(e: z.infer<typeof EnvSchema>) {
  return e.ALIPAY_APP_ID && e.ALIPAY_PRIVATE_KEY && e.ALIPAY_PUBLIC_KEY
    ? { appId: e.ALIPAY_APP_ID, privateKey: e.ALIPAY_PRIVATE_KEY, publicKey: e.ALIPAY_PUBLIC_KEY }
    : null;
}

/** WeChat Pay is configured when the six variables lib/payments/wechat.ts needs are all set. */
export function wechatConfigured(e: z.infer<typeof EnvSchema>): boolean {
  return Boolean(
    e.WECHATPAY_APPID &&
    e.WECHATPAY_MCHID &&
    e.WECHATPAY_PRIVATE_KEY &&
    e.WECHATPAY_CERT_SERIAL &&
    e.WECHATPAY_APIV3_KEY &&
    e.WECHATPAY_PLATFORM_CERT,
  );
}

let cached: Env | undefined;

/** The parsed environment of this process (parsed on first use; call at start to fail early). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Whether a host (as in a Host header or a URL, port optional) names this machine. */
export function isLocalHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\](:\d+)?$/, '$1')
    .replace(/^([^:]*):\d+$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1';
}

/**
 * What to print when APP_URL is unset although the store is served beyond this machine: the QR codes
 * would print http://localhost:PORT. At start, a production or real-database deployment counts as
 * non-local; at run time, the first request for a non-local host (lib/http/app-url.ts).
 */
export function appUrlWarning(env: Env, requestHost?: string | null): string | null {
  if (env.APP_URL) return null;
  const dbHost = env.DATABASE_URL ? new URL(env.DATABASE_URL).hostname : null;
  const deployed =
    requestHost != null
      ? !isLocalHost(requestHost)
      : env.NODE_ENV === 'production' || (dbHost !== null && !isLocalHost(dbHost));
  if (!deployed) return null;
  return (
    `[warn] APP_URL 未设置：商品页二维码将指向 ${env.appUrl}，手机扫码无法打开。请把 APP_URL 设为商城的公网地址（如 https://shop.example.cn）后重启。` +
    ` / APP_URL is unset: QR codes point to ${env.appUrl}. Set APP_URL to the public origin and restart.`
  );
}

/** Demo data is seeded except in a production deployment on a real server, unless SEED_DEMO=1. */
export function shouldSeedDemo(env: Env = getEnv()): boolean {
  if (env.SEED_DEMO !== undefined) return env.SEED_DEMO;
  return !(env.NODE_ENV === 'production' && env.dbKind === 'postgres');
}

const SECRETS_FILE = './.data/secrets.json';
const SECRET_NAMES = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY'] as const;

/**
 * Puts AUTH_SECRET and DATA_ENCRYPTION_KEY into the environment (Auth.js reads AUTH_SECRET itself).
 * For local use they are generated once into .data/secrets.json; a production deployment on a real
 * PostgreSQL must set them itself. Call getEnv() afterwards to check every variable at start.
 */
export function ensureLocalSecrets(): void {
  const missing = SECRET_NAMES.filter((n) => !process.env[n]);
  if (missing.length) {
    if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
      const names = missing.join(' and ');
      throw new Error(
        `请设置环境变量 ${missing.join('、')}：NODE_ENV=production 且设置了 DATABASE_URL 时必须提供 / ` +
          `Set ${names}: they are required when NODE_ENV=production and DATABASE_URL is set.`,
      );
    }
    let stored: Record<string, string> = {};
    if (existsSync(SECRETS_FILE)) stored = JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) as Record<string, string>;
    let changed = false;
    for (const n of SECRET_NAMES) {
      if (stored[n]) continue;
      stored[n] = randomBytes(32).toString('base64url');
      changed = true;
    }
    if (changed) {
      mkdirSync('./.data', { recursive: true });
      writeFileSync(SECRETS_FILE, JSON.stringify(stored, null, 2), { mode: 0o600 });
    }
    for (const n of missing) process.env[n] = stored[n];
  }
  cached = undefined;
}
