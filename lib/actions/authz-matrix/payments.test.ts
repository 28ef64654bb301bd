import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { placeFor } from '@/scripts/test-support/authz-matrix/orders';
import { jar, session } from '@/scripts/test-support/authz-matrix/request';
import { ACTORS, call, ids, matrixTests, snapshot, useAuthzWorld } from '@/scripts/test-support/authz-matrix/world';
import { one } from '@/scripts/test-support/database';
import { signAsPlatform } from '@/scripts/test-support/fake-wechatpay';
import { payments } from './payments';

/**
 * The authorization matrix (scripts/test-support/authz-matrix/world.ts) over paying (./payments.ts), the pay
 * link's capability, and the providers' notify routes, where no session counts and only a signature does.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);

const { alipay, wx } = await useAuthzWorld();

describe('authorization matrix', () => {
  matrixTests(payments);

  // ── Issue 14 (money) ──
  it('a payUrl capability lets anyone (a fresh browser, no session) pay or cancel that order', async () => {
    const { payCapability } = await import('@/lib/payments/pay-link');
    session.userId = null;
    jar.clear();
    for (const name of ['confirmSimulatedPaymentAction', 'cancelSimulatedPaymentAction']) {
      const orderNo = await placeFor(ids.buyer);
      const cap = payCapability(orderNo, new Date(Date.now() + 3_600_000));
      expect(await call(name, { orderNo }), name).toMatchObject({ ok: false, code: 'not_found' });
      expect(await call(name, { orderNo, cap }), name).toMatchObject({ ok: true });
      const status = (await one<{ s: string }>(sql`select status::text as s from orders where order_no = ${orderNo}`))
        .s;
      expect(status).toBe(name.startsWith('confirm') ? 'paid' : 'cancelled');
    }
  });
});

describe('POST /api/pay/alipay/notify (issue 19): Alipay’s signature is the only authority', () => {
  it('no session, role or spoofed header makes a notification count; a genuine one counts whoever is signed in', async () => {
    const { POST: notify } = await import('@/app/api/pay/alipay/notify/route');
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      notify(
        new Request('http://t/api/pay/alipay/notify', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: alipay.body(form),
        }),
      );
    for (const actor of ACTORS) {
      session.userId = actor === 'anonymous' ? null : ids[actor];
      const orderNo = await placeFor(ids.buyer);
      const total = (await one<{ t: string }>(sql`select total_fen::text as t from orders where order_no = ${orderNo}`))
        .t;
      const genuine = alipay.foreignPayment({ outTradeNo: orderNo.replace('-', '_'), amountFen: Number(total) });
      const before = await snapshot();
      for (const forged of [
        alipay.signWithOtherKey(genuine),
        { ...genuine, sign: '' },
        { ...genuine, total_amount: '0.01' },
      ]) {
        const r = await post(forged, {
          'x-forwarded-for': '110.75.143.1', // an Alipay address
          cookie: 'authjs.session-token=x',
          authorization: 'Bearer x',
          'user-agent': 'Mozilla/4.0',
        });
        expect(r.status, actor).toBe(400);
        expect(await r.text()).toBe('fail');
      }
      expect(await snapshot(), actor).toBe(before);
      const r = await post(genuine);
      expect(await r.text(), actor).toBe('success');
      expect((await one<{ s: string }>(sql`select status::text as s from orders where order_no = ${orderNo}`)).s).toBe(
        'paid',
      );
    }
  });
});

describe('WeChat Pay notify route (issue 19): a session grants nothing; only the platform signature counts', () => {
  it('every actor posting an unsigned or foreign-signed notification: 401 FAIL, nothing written', async () => {
    const { POST } = await import('@/app/api/pay/wechat/notify/route');
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const body = JSON.stringify({ id: 'EV-matrix', event_type: 'TRANSACTION.SUCCESS', resource: {} });
    for (const actor of ACTORS) {
      session.userId = actor === 'anonymous' ? null : ids[actor];
      for (const headers of [{}, signAsPlatform(wx, body, { key: other.toString() })]) {
        const before = await snapshot();
        const res = await POST(new Request('http://t/api/pay/wechat/notify', { method: 'POST', headers, body }));
        expect(res.status, actor).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'FAIL' });
        expect(await snapshot()).toBe(before);
      }
    }
  });
});
