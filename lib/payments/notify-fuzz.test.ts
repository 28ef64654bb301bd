import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { dbKind } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { encryptResource, signAsPlatform } from '@/scripts/test-support/fake-wechatpay';
import { alipayField, alipayForm, nasty, wechatHeaders, wechatResource } from '@/scripts/test-support/fuzz-inputs';
import { usePaymentProviders } from '@/scripts/test-support/payment-providers';
import { nextXid } from '@/scripts/test-support/xid';

/**
 * Fuzzing the payment providers' notification routes (fast-check): a forged, garbled or tampered
 * notification is refused in the provider's own terms and writes nothing (PostgreSQL's transaction ids,
 * as in lib/actions/fuzz.test.ts); a genuine one with any content never answers 5xx.
 */
vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_fuzz');
// Alipay, the simulator and WeChat Pay configured, so that their notify routes verify what they are sent.
const { alipay, wx } = await usePaymentProviders();

useSeededDatabase();

const { POST: webhook } = await import('@/app/api/stripe/webhook/route');
const { POST: alipayNotify } = await import('@/app/api/pay/alipay/notify/route');
const { POST: wxNotify } = await import('@/app/api/pay/wechat/notify/route');

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

let cases = 0;

// One database kind is enough: the refusals happen before the database, and PGlite runs in every `npm test`.
describe.skipIf(dbKind() === 'postgres')('fuzzing the payment notifications', () => {
  it('Stripe: any body under any signature is a 400 and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }),
        fc.oneof(fc.constant(undefined), fc.string({ maxLength: 80 }), fc.constant('t=1,v1=abc')),
        async (body, sig) => {
          const before = await nextXid();
          const res = await webhook(
            post('http://t/api/stripe/webhook', body, sig === undefined ? {} : { 'stripe-signature': sig }),
          );
          cases++;
          expect(res.status).toBe(400);
          expect(await nextXid()).toBe(before);
        },
      ),
      { numRuns: 500 },
    );
  }, 600_000);

  it('支付宝: forged, re-signed and tampered notifications are a 400 `fail` and write nothing', async () => {
    // Alipay's notify route: any body, forms of Alipay's fields signed by no one or by another key, and
    // a genuine notification with one field changed: 400 `fail`, nothing written.
    const genuine = alipay.foreignPayment({ outTradeNo: 'GJ20261202_000001', amountFen: 100 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }).map((b) => b),
          alipayForm.map((f) => new URLSearchParams(f).toString()),
          alipayForm.map((f) => alipay.body(alipay.signWithOtherKey({ ...genuine, ...f }))),
          fc
            .tuple(alipayField, fc.string({ maxLength: 20 }))
            .filter(([k, v]) => genuine[k] !== v && k !== 'sign_type')
            .map(([k, v]) => alipay.body({ ...genuine, [k]: v })),
        ),
        async (body) => {
          const before = await nextXid();
          const res = await alipayNotify(
            new Request('http://t/api/pay/alipay/notify', {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body,
            }),
          );
          cases++;
          expect(res.status, body.slice(0, 200)).toBe(400);
          expect(await res.text()).toBe('fail');
          expect(await nextXid()).toBe(before);
        },
      ),
      { numRuns: 500 },
    );
  }, 600_000);

  it('微信支付: unsigned bodies are refused; signed ones with any content never answer 5xx', async () => {
    // WeChat Pay's notify route (issue 19): any body under any Wechatpay-* headers is refused with
    // {"code":"FAIL"} and writes nothing; a body signed by the platform whose resource is garbage or
    // decrypts to anything at all never answers 5xx.
    const wxPost = (body: string, headers: Record<string, string>) =>
      wxNotify(new Request('http://t/api/pay/wechat/notify', { method: 'POST', headers, body }));
    const wxHeader = wechatHeaders(wx.platformSerial);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), nasty), wxHeader, async (body, headers) => {
        const before = await nextXid();
        const res = await wxPost(body, headers);
        cases++;
        expect(res.status).toBe(401);
        expect(((await res.json()) as { code: string }).code).toBe('FAIL');
        expect(await nextXid()).toBe(before);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('TRANSACTION.SUCCESS', 'REFUND.SUCCESS', 'REFUND.ABNORMAL', 'OTHER'),
        fc.oneof(
          wechatResource,
          fc.record({
            trade_state: fc.constant('SUCCESS'),
            transaction_id: fc.string({ minLength: 1, maxLength: 20 }),
            out_trade_no: nasty,
            attach: nasty,
            amount: fc.record({ total: fc.oneof(fc.integer(), fc.double()) }),
          }),
        ),
        fc.boolean(),
        async (eventType, resource, garbage) => {
          const r = encryptResource(wx, resource, 'transaction');
          const body = JSON.stringify({
            id: `EV-fuzz-${cases}`,
            event_type: eventType,
            resource: garbage ? { ...r, ciphertext: 'AAAA' } : r,
          });
          const res = await wxPost(body, signAsPlatform(wx, body));
          cases++;
          expect(res.status, body.slice(0, 300)).toBeLessThan(500);
          if (res.status !== 204) expect(((await res.json()) as { code: string }).code).toBe('FAIL');
        },
      ),
      {
        numRuns: 200,
        // Found by this property (seed 975808730): a NUL in out_trade_no reached PostgreSQL and answered 500.
        examples: [
          [
            'TRANSACTION.SUCCESS',
            { trade_state: 'SUCCESS', transaction_id: ' ', out_trade_no: '\u0000', attach: '', amount: { total: 1 } },
            false,
          ],
        ],
      },
    );
  }, 600_000);

  it('ran every case', () => {
    expect(cases).toBeGreaterThanOrEqual(500 + 500 + 300 + 200);
  });
});
