import { describe, expect, it } from 'vitest';
import { appUrlWarning, isLocalHost, parseEnv, shouldSeedDemo } from './env';

describe('environment', () => {
  it('gives the embedded defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      dbKind: 'pglite',
      PGLITE_DIR: './.data/pglite',
      PORT: 3000,
      appUrl: 'http://localhost:3000',
      paymentSimulator: true,
      ORDER_PAYMENT_TIMEOUT_MINUTES: 30,
      RATE_LIMIT_LOGIN_PER_15_MIN: 5,
      RATE_LIMIT_ORDERS_PER_MINUTE: 60,
      DATABASE_POOL_SIZE: 10,
      TRUSTED_PROXY_HOPS: 0,
      GUEST_MAX_LINE_QUANTITY: 20,
      GUEST_MAX_ORDER_YUAN: 5000,
      GUEST_MAX_OPEN_ORDERS: 3,
      GUEST_HOLD_MINUTES: 15,
    });
    expect(shouldSeedDemo(env)).toBe(true);
  });

  it('treats empty strings as unset and turns the simulator off when Stripe is configured', () => {
    const env = parseEnv({ DATABASE_URL: '', STRIPE_SECRET_KEY: 'sk_test_1', PORT: '3100', APP_URL: 'https://x.cn/' });
    expect(env).toMatchObject({ dbKind: 'pglite', paymentSimulator: false, appUrl: 'https://x.cn', PORT: 3100 });
    expect(parseEnv({ STRIPE_SECRET_KEY: 'sk_test_1', PAYMENT_SIMULATOR: '1' }).paymentSimulator).toBe(true);
  });

  it('turns the simulator off when Alipay is configured, and only when all three of its variables are set', () => {
    const alipay = { ALIPAY_APP_ID: '2021000000000001', ALIPAY_PRIVATE_KEY: 'k', ALIPAY_PUBLIC_KEY: 'p' };
    expect(parseEnv(alipay)).toMatchObject({
      paymentSimulator: false,
      ALIPAY_GATEWAY: 'https://openapi.alipay.com/gateway.do',
    });
    expect(parseEnv({ ...alipay, ALIPAY_PUBLIC_KEY: '' }).paymentSimulator).toBe(true);
    expect(() => parseEnv({ ...alipay, ALIPAY_GATEWAY: 'not a url' })).toThrow(/ALIPAY_GATEWAY/);
  });

  it('refuses a bad value with a Chinese and English message naming the variable', () => {
    expect(() => parseEnv({ ORDER_PAYMENT_TIMEOUT_MINUTES: 'soon' })).toThrow(
      /环境变量无效.*Invalid environment variables:\n {2}ORDER_PAYMENT_TIMEOUT_MINUTES="soon"/s,
    );
    expect(() => parseEnv({ RATE_LIMIT_LOGIN_PER_15_MIN: '0', DATABASE_URL: 'not a url' })).toThrow(
      /RATE_LIMIT_LOGIN_PER_15_MIN="0".*\n {2}DATABASE_URL="not a url"|DATABASE_URL="not a url".*\n {2}RATE_LIMIT_LOGIN_PER_15_MIN="0"/s,
    );
    expect(() => parseEnv({ PAYMENT_SIMULATOR: 'yes' })).toThrow(/PAYMENT_SIMULATOR/);
    expect(() => parseEnv({ STRIPE_API_PROTOCOL: 'ftp' })).toThrow(/STRIPE_API_PROTOCOL/);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: '-1' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
  });

  it('seeds demo data on a production PostgreSQL only when SEED_DEMO=1', () => {
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u@h/db' };
    expect(shouldSeedDemo(parseEnv(prod))).toBe(false);
    expect(shouldSeedDemo(parseEnv({ ...prod, SEED_DEMO: '1' }))).toBe(true);
  });

  it('knows a local host from a public one', () => {
    for (const h of ['localhost', 'LOCALHOST:3000', '127.0.0.1:3200', '[::1]:3000', '::1', 'shop.localhost'])
      expect(isLocalHost(h), h).toBe(true);
    for (const h of ['shop.example.cn', '192.168.1.20:3000', '10.0.0.5', 'localhost.evil.cn', '[2001:db8::1]:443'])
      expect(isLocalHost(h), h).toBe(false);
  });

  it('warns about an unset APP_URL only when the store is served beyond this machine', () => {
    expect(appUrlWarning(parseEnv({}))).toBeNull();
    expect(appUrlWarning(parseEnv({}), '127.0.0.1:3000')).toBeNull();
    expect(appUrlWarning(parseEnv({}), 'shop.example.cn')).toContain('APP_URL 未设置');
    expect(appUrlWarning(parseEnv({ NODE_ENV: 'production' }))).toContain('http://localhost:3000');
    expect(appUrlWarning(parseEnv({ DATABASE_URL: 'postgres://u@db.internal:5432/gejiu' }))).not.toBeNull();
    expect(appUrlWarning(parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/gejiu' }))).toBeNull();
    expect(appUrlWarning(parseEnv({ NODE_ENV: 'production', APP_URL: 'https://shop.example.cn' }), 'x.cn')).toBeNull();
  });
});
