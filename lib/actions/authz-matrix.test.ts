import { loadActions, type ActionFn } from '@/scripts/test-support/actions';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { startFakeAlipay } from '@/scripts/test-support/fake-alipay';
import { signAsPlatform, wechatEnv, wechatTestKeys } from '@/scripts/test-support/fake-wechatpay';
import { welfareOrder } from '@/scripts/test-support/recipients';

/**
 * The authorization matrix: every exported server action × every actor. Denied calls use resources
 * that belong to someone else and must leave the database exactly as it was.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
const jar = vi.hoisted(() => new Map<string, string>());
// Each call comes from its own address, so that the per-address limits (lib/actions/abuse.test.ts) stay out of the way.
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-forwarded-for': `203.0.${(calls.n >> 8) & 255}.${calls.n++ & 255}` }),
  cookies: async () => ({
    get: (k: string) => (jar.has(k) ? { name: k, value: jar.get(k)! } : undefined),
    set: (k: string, v: string) => void jar.set(k, v),
    delete: (k: string) => void jar.delete(k),
  }),
}));

// Alipay configured (keys of a local gateway): its notify route is one more entry point in the matrix.
const alipay = await startFakeAlipay();
for (const [k, v] of Object.entries(alipay.env)) vi.stubEnv(k, v);
vi.stubEnv('PAYMENT_SIMULATOR', '1');
afterAll(() => alipay.close());
// WeChat Pay configured, so that its notify route verifies (issue 19); nothing here reaches a gateway.
const wx = wechatTestKeys();
for (const [k, v] of Object.entries(wechatEnv(wx, 'http://127.0.0.1:9'))) vi.stubEnv(k, v);

useSeededDatabase();

type Actor = 'anonymous' | 'buyer' | 'unitBuyer' | 'unitApprover' | 'managerA' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'];
const EMAIL: Record<Exclude<Actor, 'anonymous'>, string> = {
  buyer: 'buyer@example.com',
  unitBuyer: 'unit@example.com',
  unitApprover: 'approver@example.com',
  managerA: 'workshop@example.com',
  admin: 'admin@example.com',
};
const ids = {} as Record<Exclude<Actor, 'anonymous'>, string> & {
  demoUnit: string;
  foreignUnit: string;
  buyerAddress: string;
  supplierA: number;
  supplierB: number;
};
let seq = 0;
/** A courier's tracking sheet for these recipient numbers of a welfare order (issue 15). */
const trackingSheet = (orderNo: string, recipientNos: number[]) =>
  new File(
    [
      ['订单号,收货人编号,快递公司,运单号', ...recipientNos.map((n) => `${orderNo},${n},顺丰,SF${unique()}`)].join(
        '\r\n',
      ),
    ],
    '运单.csv',
    { type: 'text/csv' },
  );
/** A festival window of its own (a day in the 2090s that no other window holds), for the union rules' actions. */
const festivalWindow = () => {
  const day = new Date(Date.UTC(2090, 0, 1) + seq++ * 2 * 86_400_000).toISOString().slice(0, 10);
  return { festival: '春节' as const, from: day, to: day };
};
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

async function one<T>(q: ReturnType<typeof sql>): Promise<T> {
  return rowsOf<T>(await getDb().execute(q))[0]!;
}

/** A digest of every table an action may write. */
async function snapshot(): Promise<string> {
  const tables = [
    'users',
    'units',
    'unit_members',
    'invites',
    'addresses',
    'suppliers',
    'supplier_members',
    'audit_log',
    'login_attempts',
    'orders',
    'order_items',
    'payment_movements',
    'payment_sessions',
    'sales_ledger',
    'cart_items',
    'webhook_events',
    'certifications',
    'settings',
    'shipments',
    'promotion_rounds',
    'unit_pledges',
    'products',
    'product_tier_prices',
    'product_images',
    'media_blobs',
    'stock_adjustments',
    'livestreams',
    'livestream_products',
    // issue 13
    'password_resets',
    // 带贫成效 (issue 17).
    'households',
    'payouts',
    'dividend_rules',
    'dividend_rule_members',
    'benefit_reviewers',
    // 售后 (issue 16).
    'after_sales_cases',
    'after_sales_photos',
    'order_events',
    // 工会慰问品 recipients and their parcels (issue 15).
    'order_recipients',
    'recipient_shipments',
    // 验收 (issue 15).
    'order_receipts',
  ];
  const stock = await one<{ d: string }>(
    sql`select md5(string_agg(id || ':' || stock || ':' || sales_count, ',' order by id)) as d from products`,
  );
  const parts = await Promise.all(
    tables.map((t) =>
      one<{ d: string | null }>(
        sql.raw(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as d from ${t} x`),
      ),
    ),
  );
  return parts.map((p) => p.d).join(',') + stock.d;
}

async function pendingUnit(): Promise<string> {
  const r = await one<{ id: string }>(
    sql`insert into units (name, credit_code, type, contact_name) values (${'待审单位' + unique()}, ${'TEST' + unique()}, 'other', '测试') returning id`,
  );
  return r.id;
}
async function newInviteToken(): Promise<string> {
  const { createInvite } = await import('@/lib/accounts/invites');
  return createInvite({
    kind: 'unit_member',
    unitId: ids.demoUnit,
    unitRole: 'buyer',
    inviteeName: '新成员',
    createdBy: ids.unitBuyer,
  });
}

async function placeFor(userId: string | null, paid = false): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const o = await placeOrder({
    items: [{ slug: 'manhao-bananas', quantity: 1 }],
    contact: { name: '买家', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'simulated',
    userId,
    timeoutMinutes: 30,
  });
  if (paid) {
    const { paySimulated } = await import('@/lib/payments/simulator');
    await paySimulated({ orderNo: o.orderNo });
  }
  return o.orderNo;
}

async function paidOrderOf(slug: string): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const { paySimulated } = await import('@/lib/payments/simulator');
  const o = await placeOrder({
    items: [{ slug, quantity: 1 }],
    contact: { name: '买家', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'simulated',
    userId: ids.buyer,
    timeoutMinutes: 30,
  });
  await paySimulated({ orderNo: o.orderNo });
  return o.orderNo;
}

/** 待处理款项: a simulator payment that arrived after its order was cancelled (its stock can be taken again). */
async function unmatchedMoney(): Promise<string> {
  const orderNo = await placeFor(ids.buyer);
  const { endOrder } = await import('@/lib/payments/sessions');
  const { receiveMoney } = await import('@/lib/payments/movements');
  const { transaction } = await import('@/db/tx');
  await endOrder({ orderNo, to: 'cancelled', reason: '测试' });
  const o = await one<{ id: string; total: string }>(
    sql`select id, total_fen::text as total from orders where order_no = ${orderNo}`,
  );
  await transaction((tx) =>
    receiveMoney(tx, {
      kind: 'payment',
      provider: 'simulated',
      externalRef: `late:${orderNo}`,
      amountFen: BigInt(o.total),
      currency: 'cny',
      orderId: o.id,
      exact: true,
    }),
  );
  return (await one<{ id: string }>(sql`select id from payment_movements where external_ref = ${'late:' + orderNo}`))
    .id;
}

/** 售后 (issue 16): the buyer's order of supplier A's scarf, paid and shipped; received when asked. */
async function shippedOrderOf(received: boolean): Promise<{ orderNo: string; itemId: string }> {
  const orderNo = await paidOrderOf('yi-embroidered-scarf');
  const { shipSupplierLines } = await import('@/lib/orders/shipping');
  await shipSupplierLines({
    orderNo,
    supplierId: ids.supplierA,
    carrier: '顺丰速运',
    trackingNo: `SF${unique()}`,
    actorId: ids.admin,
  });
  if (received) {
    const { confirmReceipt } = await import('@/lib/orders/receipt');
    await confirmReceipt({ orderNo, actorId: ids.buyer });
  }
  const item = await one<{ id: string }>(
    sql`select oi.id::text from order_items oi join orders o on o.id = oi.order_id where o.order_no = ${orderNo}`,
  );
  return { orderNo, itemId: item.id };
}

/** A case on such an order, walked to `status`. */
async function caseAt(status: 'requested' | 'office_review' | 'awaiting_return' | 'return_shipped') {
  const o = await shippedOrderOf(true);
  const { requestAfterSales, decideAfterSales } = await import('@/lib/after-sales/cases');
  const c = await requestAfterSales({
    orderNo: o.orderNo,
    orderItemId: o.itemId,
    kind: 'return_refund',
    reason: 'quality',
    description: '',
    quantity: 1,
    photos: [],
    actorId: ids.buyer,
  });
  const step = (s: Parameters<typeof decideAfterSales>[0]['step'], extra = {}) =>
    decideAfterSales({
      caseId: c.id,
      step: s,
      actorId: s.by === 'office' ? ids.admin : s.by === 'buyer' ? ids.buyer : ids.managerA,
      ...extra,
    });
  if (status !== 'requested')
    await step({ by: 'supplier', decision: 'disagree' }, { supplierId: ids.supplierA, note: '不同意' });
  if (status === 'awaiting_return' || status === 'return_shipped') await step({ by: 'office', decision: 'approve' });
  if (status === 'return_shipped')
    await step(
      { by: 'buyer', decision: 'ship_return' },
      { orderNo: o.orderNo, returnShipment: { carrier: '顺丰速运', trackingNo: 'SF12345' } },
    );
  return { caseId: c.id, orderNo: o.orderNo };
}

type Case = { allowed: Actor[]; input: (actor: Actor) => Promise<Record<string, unknown>> };

const listing = {
  name: '测试绣品',
  spec: '20×20cm',
  description: '测试',
  categorySlug: 'embroidery',
  price: '88.00',
  referencePrice: '',
  unitMinQuantity: '1',
  tiers: '',
};
let photo: Uint8Array;
const photoFile = () => new File([Buffer.from(photo)], '照片.jpg', { type: 'image/jpeg' });

/** A fresh draft product of a supplier, so each case starts from the same state. */
async function draftOf(supplierId: number, status: 'draft' | 'listed' = 'draft'): Promise<number> {
  const { createProduct } = await import('@/lib/listings/products');
  const p = await createProduct({
    supplierId,
    actorId: ids.admin,
    stock: 10,
    f: {
      name: '测试商品' + unique(),
      spec: '1 件',
      description: '',
      categorySlug: 'embroidery',
      afterSalesClass: 'standard',
      priceFen: 8800,
      referencePriceFen: null,
      unitMinQuantity: 1,
      tiers: [],
    },
  });
  if (status === 'listed') await getDb().execute(sql`update products set status = 'listed' where id = ${p.id}`);
  return p.id;
}
async function imageOf(productId: number): Promise<number> {
  await getDb().execute(
    sql`insert into product_images (product_id, position, alt, content_type, sha256, width, height, bytes) values (${productId}, 0, '', 'image/webp', ${'f'.repeat(56) + unique().slice(-8).padStart(8, '0')}, 1, 1, '\\x00')`,
  );
  return (await one<{ id: number }>(sql`select id from product_images where product_id = ${productId}`)).id;
}
async function pendingCertOf(productId: number): Promise<void> {
  await getDb().execute(
    sql`insert into certifications (product_id, certificate_no, issuer, catalogue_batch, issued_on, expires_on) values (${productId}, ${'P-' + unique()}, '测试', '测试批次', '2026-01-01', '2028-01-01')`,
  );
}
async function livestreamOf(supplierId: number): Promise<number> {
  return (
    await one<{ id: number }>(
      sql`insert into livestreams (supplier_id, title, starts_at, stream_url) values (${supplierId}, '测试直播', now() + interval '1 day', 'https://live.example.com/1') returning id`,
    )
  ).id;
}
const certFields = () => ({
  certificateNo: 'C-' + unique(),
  issuer: '个旧市扶贫办',
  catalogueBatch: '2026年第一批',
  issuedOn: '2026-01-01',
  expiresOn: '2028-01-01',
});
const streamFields = () => ({
  title: '绣娘直播',
  startsAt: '2026-12-20T20:00',
  streamUrl: 'https://live.douyin.com/123',
});

const fakeCode = async () => {
  const { withCreditCodeCheck, CREDIT_CODE_CHARSET } = await import('@/domain/credit-code');
  const body = Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('');
  return withCreditCodeCheck(`12532501${body}`);
};

async function unitOrder(status: 'pending_approval' | 'pending_payment', placedBy = ids.unitBuyer): Promise<string> {
  const { placeOrder } = await import('@/lib/orders/place-order');
  const o = await placeOrder({
    items: [{ slug: 'manhao-bananas', quantity: 10 }],
    contact: { name: '采购员', mobile: '13912345678' },
    shippingAddress: { province: '云南省', city: '红河', district: '个旧市', detail: '1 号' },
    paymentMethod: 'bank_transfer',
    userId: placedBy,
    timeoutMinutes: 30,
    unit: {
      unitId: ids.demoUnit,
      unitName: '演示单位',
      creditCode: 'X',
      roundId: null,
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      recipients: [],
    },
  });
  if (status === 'pending_payment')
    await getDb().execute(sql`update orders set status = 'pending_payment', expires_at = null where id = ${o.orderId}`);
  return o.orderNo;
}

// ── issue 13 helpers ─────────────────────────────────────────────────────────────────────────────
const newPassword = { password: 'reset-password-2026', confirm: 'reset-password-2026' };
async function throwawayUser(): Promise<string> {
  return (
    await one<{ id: string }>(
      sql`insert into users (email, name, password_hash) values (${`reset-${unique()}@example.com`}, '重置测试', 'x') returning id`,
    )
  ).id;
}
async function resetTokenFor(userId: string): Promise<string> {
  const { startPasswordReset } = await import('@/lib/accounts/passwords');
  return startPasswordReset({ userId, adminId: ids.admin });
}
/** A guest order this browser found by number and mobile: it holds the lookup's view grant only. */
async function lookedUpOrder(): Promise<Record<string, unknown>> {
  const orderNo = await placeFor(null);
  const { viewGrant } = await import('@/lib/orders/view-grant');
  jar.set(`gj_order_${orderNo.replace(/[^A-Za-z0-9]/g, '')}_v`, viewGrant(orderNo));
  return { orderNo };
}
/** A purchase order that no approver of the unit may decide: the office's. */
async function officeOrder(): Promise<string> {
  const orderNo = await unitOrder('pending_approval');
  await getDb().execute(sql`update orders set office_approval = true where order_no = ${orderNo}`);
  return orderNo;
}
// ── 带贫成效 (issue 17): households, payouts, dividend rules, reviewers ───────────────────────────────
// Suppliers' managers keep their own register and payouts; the office (and, below, an invited reviewer
// of the household's township) verifies or returns payouts and never edits them; names are revealed
// to the supplier's managers and the office only.
async function householdOf(supplierId: number, township: string, channels = ['employment', 'dividend']) {
  const { registerHousehold } = await import('@/lib/benefit/households');
  return registerHousehold({
    supplierId,
    actorId: ids.admin,
    fields: {
      code: `AZ-${String(++seq).padStart(6, '0')}`,
      townshipSlug: township,
      village: '测试村',
      category: 'poverty_lifted',
      members: 3,
      channels: channels as ('employment' | 'dividend')[],
      shares: 1,
    },
    personal: { name: '授权测试户', idNumber: null },
  });
}
const townshipOf = (supplierId: number) => (supplierId === ids.supplierA ? 'datun' : 'jijie');
async function payoutOf(
  supplierId: number,
  state: 'submitted' | 'returned' | 'awaiting_confirmation' = 'submitted',
  householdId?: number,
): Promise<number> {
  const { recordPayout, returnPayout } = await import('@/lib/benefit/payouts');
  const { recordPayoutSchema } = await import('@/lib/validation/benefit');
  const h = householdId ?? (await householdOf(supplierId, townshipOf(supplierId)));
  const r = await recordPayout({
    supplierId,
    actorId: ids.admin,
    receipt: null,
    input: recordPayoutSchema.parse({
      supplierId: String(supplierId),
      householdId: String(h),
      kind: 'day_wage',
      quantity: '2',
      unitRate: '120',
      paidOn: '2026-01-05',
      method: state === 'awaiting_confirmation' ? 'cash' : 'bank',
    }),
  });
  if (state === 'returned') await returnPayout({ payoutId: r.id, actorId: ids.admin, reason: '凭证不清' });
  return r.id;
}
const householdFields = () => ({
  code: `HH-${String(++seq).padStart(6, '0')}`,
  townshipSlug: 'datun',
  village: '幸福社区',
  category: 'monitored',
  members: '4',
  channels: ['employment', 'dividend'],
  name: '新登记户',
  idNumber: '11010519491231002X',
});
const BENEFIT_MATRIX: Record<string, Case> = {
  registerHouseholdAction: {
    allowed: ['managerA'],
    input: async () => ({ supplierId: String(ids.supplierA), ...householdFields() }),
  },
  updateHouseholdAction: {
    allowed: ['managerA'],
    input: async () => ({
      householdId: String(await householdOf(ids.supplierA, 'datun')),
      ...householdFields(),
      active: 'true',
    }),
  },
  // Revealing writes an audit entry: allowed for the supplier's managers and the office, nothing for others.
  revealHouseholdAction: {
    allowed: ['managerA', 'admin'],
    input: async () => ({ householdId: String(await householdOf(ids.supplierA, 'datun')) }),
  },
  recordPayoutAction: {
    allowed: ['managerA'],
    input: async () => ({
      supplierId: String(ids.supplierA),
      householdId: String(await householdOf(ids.supplierA, 'datun')),
      kind: 'piece_rate',
      productId: String(
        (await one<{ id: number }>(sql`select id from products where slug = 'yi-embroidered-scarf'`)).id,
      ),
      quantity: '12',
      unitRate: '35',
      paidOn: '2026-01-05',
      method: 'wechat',
    }),
  },
  confirmPayoutAction: {
    allowed: ['managerA'],
    input: async () => {
      const { issueConfirmCodes } = await import('@/lib/benefit/confirm-codes');
      const h = await householdOf(ids.supplierA, 'datun');
      const [sheet] = await issueConfirmCodes({ actorId: ids.admin, townshipSlug: null, householdIds: [h] });
      return {
        payoutId: String(await payoutOf(ids.supplierA, 'awaiting_confirmation', h)),
        confirmCode: sheet!.confirmCode,
      };
    },
  },
  voidPayoutAction: {
    allowed: ['managerA'],
    input: async () => ({ payoutId: String(await payoutOf(ids.supplierA, 'returned')) }),
  },
  declareDividendRuleAction: {
    allowed: ['managerA'],
    input: async () => {
      await householdOf(ids.supplierA, 'datun');
      return {
        supplierId: String(ids.supplierA),
        title: '年终分红',
        periodFrom: '2026-01-01',
        periodTo: '2026-06-30',
        sharePercent: '10',
        split: 'equal',
      };
    },
  },
  verifyPayoutAction: { allowed: ['admin'], input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)) }) },
  returnPayoutAction: {
    allowed: ['admin'],
    input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)), reason: '金额与凭证不符' }),
  },
  issueConfirmCodesAction: {
    allowed: ['admin'],
    input: async () => ({ householdIds: [String(await householdOf(ids.supplierA, 'datun'))] }),
  },
  inviteReviewerAction: {
    allowed: ['admin'],
    input: async () => ({ townshipSlug: 'datun', inviteeName: '社区核实员' }),
  },
};

const MATRIX: Record<string, Case> = {
  // Listings: only managers of the product's own supplier (the office certifies, it does not edit).
  createProductAction: {
    allowed: ['managerA'],
    input: async () => ({ supplierId: String(ids.supplierA), stock: '5', ...listing }),
  },
  updateProductAction: {
    allowed: ['managerA'],
    input: async () => ({ productId: String(await draftOf(ids.supplierA)), ...listing }),
  },
  adjustStockAction: {
    allowed: ['managerA'],
    input: async () => ({ productId: String(await draftOf(ids.supplierA)), delta: '5', reason: '新一批绣品完工' }),
  },
  uploadProductImageAction: {
    allowed: ['managerA'],
    input: async () => ({ productId: String(await draftOf(ids.supplierA)), alt: '正面', image: photoFile() }),
  },
  removeProductImageAction: {
    allowed: ['managerA'],
    input: async () => {
      const productId = await draftOf(ids.supplierA);
      return { productId: String(productId), imageId: String(await imageOf(productId)) };
    },
  },
  submitCertificateAction: {
    allowed: ['managerA'],
    input: async () => ({ productId: String(await draftOf(ids.supplierA)), ...certFields(), file: photoFile() }),
  },
  submitForReviewAction: {
    allowed: ['managerA'],
    input: async () => {
      const productId = await draftOf(ids.supplierA);
      await pendingCertOf(productId);
      return { productId: String(productId) };
    },
  },
  delistProductAction: {
    allowed: ['managerA'],
    input: async () => ({ productId: String(await draftOf(ids.supplierA, 'listed')) }),
  },
  scheduleLivestreamAction: {
    allowed: ['managerA'],
    input: async () => ({
      supplierId: String(ids.supplierA),
      ...streamFields(),
      productIds: [String(await draftOf(ids.supplierA))],
    }),
  },
  setLivestreamStatusAction: {
    allowed: ['managerA'],
    input: async () => ({ livestreamId: String(await livestreamOf(ids.supplierA)), to: 'live' }),
  },
  submitPurchaseOrderAction: {
    allowed: ['unitBuyer'],
    input: async () => ({
      unitId: ids.demoUnit,
      lines: 'GJ0020 10',
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      contactName: '采购员',
      contactMobile: '13912345678',
      province: '云南省',
      city: '红河哈尼族彝族自治州',
      district: '个旧市',
      detail: '机关大院 1 号',
    }),
  },
  // Issue 15: the preview before 提交采购单 is the unit's buyers' own (it writes nothing even for them).
  previewPurchaseOrderAction: {
    allowed: ['unitBuyer'],
    input: async () => ({
      unitId: ids.demoUnit,
      lines: 'GJ0020，１０',
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      contactName: '采购员',
      contactMobile: '13912345678',
      province: '云南省',
      city: '红河哈尼族彝族自治州',
      district: '个旧市',
      detail: '机关大院 1 号',
    }),
  },
  // Only an approver of the same unit decides, and never on an order they submitted.
  decidePurchaseOrderAction: {
    allowed: ['unitApprover'],
    input: async () => ({ orderNo: await unitOrder('pending_approval'), decision: 'approve' }),
  },
  // Only the programme office confirms a transfer; a unit never confirms its own payment.
  confirmTransferAction: {
    allowed: ['admin'],
    input: async () => ({ orderNo: await unitOrder('pending_payment'), amount: '1', requestId: randomUUID() }),
  },
  reorderAction: {
    allowed: ['unitBuyer'],
    input: async () => ({ unitId: ids.demoUnit, orderNo: await unitOrder('pending_payment') }),
  },
  setPledgeAction: { allowed: ['admin'], input: async () => ({ unitId: ids.demoUnit, amount: '600000' }) },
  // Manager A ships only supplier A's lines; the order below contains a product of supplier A.
  shipOrderAction: {
    allowed: ['managerA'],
    input: async () => ({
      orderNo: await paidOrderOf('yi-embroidered-scarf'),
      supplierId: String(ids.supplierA),
      carrier: '顺丰速运',
      trackingNo: `SF${Date.now()}`,
    }),
  },
  reviewCertificationAction: {
    allowed: ['admin'],
    input: async () => {
      const p = await one<{ id: number }>(sql`select id from products where slug = 'jijie-chayote'`);
      const c = await one<{ id: number }>(
        sql`insert into certifications (product_id, certificate_no, issuer, catalogue_batch, issued_on, expires_on) values (${p.id}, ${'T-' + unique()}, '测试', '测试批次', '2026-01-01', '2028-01-01') returning id`,
      );
      return { id: String(c.id), decision: 'approve' };
    },
  },
  setExpiryDelistsAction: { allowed: ['admin'], input: async () => ({ value: 'false' }) },
  setTargetAction: {
    allowed: ['admin'],
    input: async () => ({ year: String(new Date().getUTCFullYear()), amount: '40000000' }),
  },
  setCertificationExpiryAction: {
    allowed: ['admin'],
    input: async () => ({ certificateNo: 'GJXF-0001', expiresOn: '2030-12-31', reason: '认定机构延长有效期' }),
  },
  createRoundAction: {
    allowed: ['admin'],
    input: async () => ({ name: '第七轮推介会', heldOn: '2027-01-01', endsOn: '2027-01-31', venue: '个旧市' }),
  },
  addToCartAction: { allowed: ACTORS, input: async () => ({ slug: 'manhao-bananas', quantity: '1' }) },
  setCartQuantityAction: { allowed: ACTORS, input: async () => ({ slug: 'manhao-bananas', quantity: '2' }) },
  checkoutAction: {
    allowed: ACTORS,
    input: async () => {
      const { setCartQuantity } = await import('@/lib/cart/cart');
      await setCartQuantity(session.userId, 'manhao-bananas', 1);
      return {
        name: '买家',
        mobile: '13912345678',
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detail: '金湖东路 1 号',
      };
    },
  },
  // The simulator's buttons work for the order's owner (or its token); everyone else gets "not found".
  confirmSimulatedPaymentAction: { allowed: ['buyer'], input: async () => ({ orderNo: await placeFor(ids.buyer) }) },
  cancelSimulatedPaymentAction: { allowed: ['buyer'], input: async () => ({ orderNo: await placeFor(ids.buyer) }) },
  lookupOrderAction: { allowed: ACTORS, input: async () => ({ orderNo: await placeFor(null), mobile: '13912345678' }) },
  adminCancelOrderAction: {
    allowed: ['admin'],
    input: async () => ({ orderNo: await placeFor(ids.buyer), reason: '买家电话要求取消' }),
  },
  adminRefundOrderAction: {
    allowed: ['admin'],
    input: async () => ({ orderNo: await placeFor(ids.buyer, true), amount: '10', requestId: randomUUID() }),
  },
  registerAction: {
    allowed: ACTORS,
    input: async () => ({ name: '新用户', login: `u${unique()}@example.com`, password: 'a-good-password-123' }),
  },
  registerUnitAction: {
    allowed: ACTORS,
    input: async () => ({
      unitName: '新单位' + unique(),
      creditCode: await fakeCode(),
      unitType: 'public_institution',
      contactName: '联系人',
      contactMobile: '13800001111',
      login: `unit${unique()}@example.com`,
      password: 'a-good-password-123',
    }),
  },
  acceptInviteAction: {
    allowed: ACTORS,
    input: async () => ({
      token: await newInviteToken(),
      name: '受邀人',
      login: `inv${unique()}@example.com`,
      password: 'a-good-password-123',
    }),
  },
  addAddressAction: {
    allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'],
    input: async () => ({
      recipient: '收件人',
      mobile: '13912340000',
      province: '云南省',
      city: '红河哈尼族彝族自治州',
      district: '个旧市',
      detail: '测试路 1 号',
    }),
  },
  deleteAddressAction: {
    allowed: ['buyer'],
    input: async (actor) => {
      if (actor !== 'buyer') return { id: ids.buyerAddress }; // someone else's address
      const { addAddress } = await import('@/lib/accounts/addresses');
      await addAddress({
        userId: ids.buyer,
        a: {
          recipient: '临时',
          mobile: '13912340001',
          province: '云南省',
          city: '红河',
          district: '个旧市',
          detail: '临时地址',
          isDefault: false,
        },
      });
      const r = await one<{ id: string }>(
        sql`select id from addresses where user_id = ${ids.buyer} and is_default = false order by created_at desc limit 1`,
      );
      return { id: r.id };
    },
  },
  signOutAction: { allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'], input: async () => ({}) },
  inviteUnitMemberAction: {
    allowed: ['unitBuyer'],
    input: async () => ({ unitId: ids.demoUnit, role: 'approver', inviteeName: '新审批人' }),
  },
  setUnitMemberRoleAction: {
    allowed: ['unitBuyer'],
    input: async () => ({ unitId: ids.demoUnit, userId: ids.unitApprover, role: 'approver' }),
  },
  verifyUnitAction: { allowed: ['admin'], input: async () => ({ unitId: await pendingUnit() }) },
  rejectUnitAction: {
    allowed: ['admin'],
    input: async () => ({ unitId: await pendingUnit(), reason: '信用代码与名称不符' }),
  },
  createSupplierAction: {
    allowed: ['admin'],
    input: async () => ({
      name: '新合作社' + unique(),
      slug: `coop-${unique()}`,
      type: 'cooperative',
      townshipSlug: 'jijie',
      creditCode: await fakeCode(),
      povertyHouseholds: '12',
      benefitShareBps: '1000',
      benefitMechanism: '按销售额分红',
    }),
  },
  inviteSupplierManagerAction: {
    allowed: ['admin'],
    input: async () => ({ supplierId: String(ids.supplierB), inviteeName: '新管理员' }),
  },
  setUserActiveAction: { allowed: ['admin'], input: async () => ({ userId: ids.managerA, active: 'true' }) },
  updateSupplierProfileAction: {
    allowed: ['managerA'],
    input: async (actor) => ({
      supplierId: String(actor === 'managerA' ? ids.supplierA : ids.supplierB),
      description: '更新的简介',
      address: '新地址',
      benefitMechanism: '新的带贫机制',
    }),
  },
  // ── issue 13: passwords, resets, the office's approval of 采购单 ──────────────────────────────
  // 修改密码: any signed-in account, with its own current password (each actor runs it once).
  changePasswordAction: {
    allowed: ['buyer', 'unitBuyer', 'unitApprover', 'managerA', 'admin'],
    input: async () => ({ current: 'demo12345', password: 'a-new-password-2026', confirm: 'a-new-password-2026' }),
  },
  // A reset link works for whoever holds it (the token is the credential), once.
  resetPasswordAction: {
    allowed: ACTORS,
    input: async () => ({ token: await resetTokenFor(await throwawayUser()), ...newPassword }),
  },
  // Only the programme office starts a reset.
  startPasswordResetAction: { allowed: ['admin'], input: async () => ({ userId: await throwawayUser() }) },
  // Only the office, and only for a purchase order no approver of its unit may decide.
  officeDecidePurchaseOrderAction: {
    allowed: ['admin'],
    input: async () => ({ orderNo: await officeOrder(), decision: 'approve' }),
  },
  ...BENEFIT_MATRIX,
  // ── Issue 14 (money): 待处理款项, only the programme office applies or refunds it. ──
  applyUnmatchedAction: { allowed: ['admin'], input: async () => ({ movementId: await unmatchedMoney() }) },
  refundUnmatchedAction: { allowed: ['admin'], input: async () => ({ movementId: await unmatchedMoney() }) },
  // 对账单核对 (issue 19): the office only; an import changes nothing but the audit log.
  importStatementAction: {
    allowed: ['admin'],
    input: async () => ({
      provider: 'wechat',
      billDate: '2026-12-01',
      file: new File(['交易时间,微信订单号,商户订单号,交易状态,订单金额,微信退款单号,申请退款金额\r\n'], 'bill.csv', {
        type: 'text/csv',
      }),
    }),
  },
  // 售后 (issue 16): the buyer confirms receipt, asks and ships the return; the line's supplier answers and
  // confirms the returned goods; the office decides refused cases (and may confirm a return too).
  confirmReceiptAction: { allowed: ['buyer'], input: async () => ({ orderNo: (await shippedOrderOf(false)).orderNo }) },
  requestAfterSalesAction: {
    allowed: ['buyer'],
    input: async () => {
      const o = await shippedOrderOf(true);
      return { orderNo: o.orderNo, orderItemId: o.itemId, kind: 'return_refund', reason: 'quality', quantity: '1' };
    },
  },
  shipReturnAction: {
    allowed: ['buyer'],
    input: async () => ({ ...(await caseAt('awaiting_return')), carrier: '顺丰速运', trackingNo: 'SF998877' }),
  },
  supplierDecideAfterSalesAction: {
    allowed: ['managerA'],
    input: async () => ({ caseId: (await caseAt('requested')).caseId, decision: 'agree' }),
  },
  officeDecideAfterSalesAction: {
    allowed: ['admin'],
    input: async () => ({ caseId: (await caseAt('office_review')).caseId, decision: 'agree' }),
  },
  confirmReturnAction: {
    allowed: ['managerA', 'admin'],
    input: async () => ({ caseId: (await caseAt('return_shipped')).caseId }),
  },
  // Issue 15: a welfare order's parcels ship only by a manager of the supplier of their product.
  shipParcelAction: {
    allowed: ['managerA'],
    input: async () => ({
      orderNo: (await welfareOrder('paid')).orderNo,
      supplierId: String(ids.supplierA),
      recipientNo: '1',
      carrier: '顺丰速运',
      trackingNo: `SF${unique()}`,
    }),
  },
  uploadTrackingAction: {
    allowed: ['managerA'],
    input: async () => {
      const { orderNo } = await welfareOrder('paid');
      return { orderNo, supplierId: String(ids.supplierA), carrier: '', file: trackingSheet(orderNo, [1, 2, 3]) };
    },
  },
  // Issue 15: the account units transfer to is the office's alone (a changed account is the first fraud).
  savePayeeAction: {
    allowed: ['admin'],
    input: async () => ({
      accountName: '个旧市消费帮扶商城运营中心（演示）',
      bank: '农业银行个旧支行',
      accountNo: '6228480012345678',
    }),
  },
  // Issue 15: the union fund rules are the office's alone (every change audited).
  addFestivalWindowAction: { allowed: ['admin'], input: async () => festivalWindow() },
  removeFestivalWindowAction: {
    allowed: ['admin'],
    input: async () => {
      const window = festivalWindow();
      const { addFestivalWindow } = await import('@/lib/programme/union-rules');
      await addFestivalWindow({ window, actorId: ids.admin });
      return window;
    },
  },
  saveUnionAllowanceAction: {
    allowed: ['admin'],
    input: async () => ({ year: '2099', perMember: '¥1,000', excluded: ['embroidery'] }),
  },
  // Issue 15: 验收 is for the members of the order's own unit (buyer or approver), nobody else.
  confirmUnitReceiptAction: {
    allowed: ['unitBuyer', 'unitApprover'],
    input: async () => ({ orderNo: (await welfareOrder('shipped')).orderNo, note: '50 份全部收到' }),
  },
  // issue 16 (phone storefront): the operator's contact details are the office's alone.
  saveSiteContactAction: {
    allowed: ['admin'],
    input: async () => ({
      host: '个旧市消费帮扶工作领导小组办公室',
      hotline: '0873-1234567',
      hours: '每天 9:00–18:00',
    }),
  },
};

/** Extra denials with foreign ids for actors who are allowed on their own resources. */
const FOREIGN: { action: string; actor: Actor; input: () => Promise<Record<string, unknown>> }[] = [
  // Manager A cannot see or change supplier B's products, images, stock, certificates or livestreams.
  {
    action: 'createProductAction',
    actor: 'managerA',
    input: async () => ({ supplierId: String(ids.supplierB), stock: '5', ...listing }),
  },
  {
    action: 'updateProductAction',
    actor: 'managerA',
    input: async () => ({ productId: String(await draftOf(ids.supplierB)), ...listing }),
  },
  {
    action: 'adjustStockAction',
    actor: 'managerA',
    input: async () => ({ productId: String(await draftOf(ids.supplierB)), delta: '-5', reason: '越权' }),
  },
  {
    action: 'uploadProductImageAction',
    actor: 'managerA',
    input: async () => ({ productId: String(await draftOf(ids.supplierB)), alt: '', image: photoFile() }),
  },
  {
    action: 'removeProductImageAction',
    actor: 'managerA',
    input: async () => {
      const productId = await draftOf(ids.supplierB);
      return { productId: String(productId), imageId: String(await imageOf(productId)) };
    },
  },
  // …nor by naming their own product with supplier B's image.
  {
    action: 'removeProductImageAction',
    actor: 'managerA',
    input: async () => ({
      productId: String(await draftOf(ids.supplierA)),
      imageId: String(await imageOf(await draftOf(ids.supplierB))),
    }),
  },
  {
    action: 'submitCertificateAction',
    actor: 'managerA',
    input: async () => ({ productId: String(await draftOf(ids.supplierB)), ...certFields(), file: photoFile() }),
  },
  {
    action: 'submitForReviewAction',
    actor: 'managerA',
    input: async () => {
      const productId = await draftOf(ids.supplierB);
      await pendingCertOf(productId);
      return { productId: String(productId) };
    },
  },
  {
    action: 'delistProductAction',
    actor: 'managerA',
    input: async () => ({ productId: String(await draftOf(ids.supplierB, 'listed')) }),
  },
  {
    action: 'scheduleLivestreamAction',
    actor: 'managerA',
    input: async () => ({ supplierId: String(ids.supplierB), ...streamFields() }),
  },
  // A stream of supplier A cannot feature supplier B's product.
  {
    action: 'scheduleLivestreamAction',
    actor: 'managerA',
    input: async () => ({
      supplierId: String(ids.supplierA),
      ...streamFields(),
      productIds: [String(await draftOf(ids.supplierB))],
    }),
  },
  {
    action: 'setLivestreamStatusAction',
    actor: 'managerA',
    input: async () => ({ livestreamId: String(await livestreamOf(ids.supplierB)), to: 'cancelled' }),
  },
  // An unsafe stream link is refused with a message, nothing written.
  {
    action: 'scheduleLivestreamAction',
    actor: 'managerA',
    input: async () => ({
      supplierId: String(ids.supplierA),
      ...streamFields(),
      streamUrl: 'javascript:alert(document.cookie)',
    }),
  },
  {
    action: 'inviteUnitMemberAction',
    actor: 'unitBuyer',
    input: async () => ({ unitId: ids.foreignUnit, role: 'buyer', inviteeName: 'x' }),
  },
  {
    action: 'updateSupplierProfileAction',
    actor: 'managerA',
    input: async () => ({
      supplierId: String(ids.supplierB),
      description: 'x',
      address: 'x',
      benefitMechanism: '越权修改',
    }),
  },
  {
    action: 'inviteUnitMemberAction',
    actor: 'unitApprover',
    input: async () => ({ unitId: ids.demoUnit, role: 'buyer', inviteeName: 'x' }),
  },
  // An administrator of the demo unit cannot change a member of another unit, even by naming their own unit.
  {
    action: 'setUnitMemberRoleAction',
    actor: 'unitBuyer',
    input: async () => ({ unitId: ids.foreignUnit, userId: ids.unitApprover, role: 'buyer' }),
  },
  {
    action: 'setUnitMemberRoleAction',
    actor: 'unitBuyer',
    input: async () => ({ unitId: ids.demoUnit, userId: ids.managerA, role: 'buyer' }),
  },
  // An approver cannot approve a purchase order they submitted themselves.
  {
    action: 'decidePurchaseOrderAction',
    actor: 'unitApprover',
    input: async () => ({ orderNo: await unitOrder('pending_approval', ids.unitApprover), decision: 'approve' }),
  },
  // An approver of another unit cannot approve it either (the foreign unit's admin is not an approver here).
  {
    action: 'submitPurchaseOrderAction',
    actor: 'unitBuyer',
    input: async () => ({
      unitId: ids.foreignUnit,
      lines: 'GJ0020 10',
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      contactName: 'x',
      contactMobile: '13912345678',
      province: '云南省',
      city: '红河',
      district: '个旧市',
      detail: '机关大院 1 号',
    }),
  },
  // Nor preview one for another unit (prices and who approves are the unit's business).
  {
    action: 'previewPurchaseOrderAction',
    actor: 'unitBuyer',
    input: async () => ({
      unitId: ids.foreignUnit,
      lines: 'GJ0020 10',
      paymentTerms: 'prepay',
      fundSource: 'canteen',
      contactName: 'x',
      contactMobile: '13912345678',
      province: '云南省',
      city: '红河',
      district: '个旧市',
      detail: '机关大院 1 号',
    }),
  },
  // Manager A cannot ship supplier B's order, neither by naming supplier B nor by naming supplier A.
  {
    action: 'shipOrderAction',
    actor: 'managerA',
    input: async () => ({
      orderNo: await paidOrderOf('jijie-tomatoes'),
      supplierId: String(ids.supplierB),
      carrier: '顺丰速运',
      trackingNo: 'SF12345678',
    }),
  },
  {
    action: 'shipOrderAction',
    actor: 'managerA',
    input: async () => ({
      orderNo: await paidOrderOf('jijie-tomatoes'),
      supplierId: String(ids.supplierA),
      carrier: '顺丰速运',
      trackingNo: 'SF12345678',
    }),
  },
  // 再来一单 names an order of the caller's unit only.
  {
    action: 'reorderAction',
    actor: 'unitBuyer',
    input: async () => ({ unitId: ids.foreignUnit, orderNo: await unitOrder('pending_payment') }),
  },
  // A buyer cannot pay or cancel someone else's order through the simulator.
  {
    action: 'confirmSimulatedPaymentAction',
    actor: 'buyer',
    input: async () => ({ orderNo: await placeFor(ids.unitBuyer) }),
  },
  {
    action: 'lookupOrderAction',
    actor: 'buyer',
    input: async () => ({ orderNo: await placeFor(null), mobile: '13800000000' }),
  },
  // ── issue 13 ─────────────────────────────────────────────────────────────────────────────────
  // The guest lookup's view grant reads an order; it never cancels or pays it.
  {
    action: 'cancelSimulatedPaymentAction',
    actor: 'anonymous',
    input: lookedUpOrder,
  },
  {
    action: 'confirmSimulatedPaymentAction',
    actor: 'anonymous',
    input: lookedUpOrder,
  },
  // Separation of duties: an approver invited by the submitter cannot approve the submitter's order.
  {
    action: 'decidePurchaseOrderAction',
    actor: 'unitApprover',
    input: async () => {
      await getDb().execute(
        sql`update unit_members set invited_by = ${ids.unitBuyer}, role_granted_by = ${ids.unitBuyer} where user_id = ${ids.unitApprover}`,
      );
      return { orderNo: await unitOrder('pending_approval'), decision: 'approve' };
    },
  },
  // The office does not decide an order that an approver of its unit may decide.
  {
    action: 'officeDecidePurchaseOrderAction',
    actor: 'admin',
    input: async () => {
      await getDb().execute(sql`update unit_members set invited_by = null, role_granted_by = null`);
      return { orderNo: await unitOrder('pending_approval'), decision: 'approve' };
    },
  },
  // A used reset link does not work twice; the office does not reset its own password here.
  {
    action: 'resetPasswordAction',
    actor: 'anonymous',
    input: async () => {
      const token = await resetTokenFor(await throwawayUser());
      const { resetPassword } = await import('@/lib/accounts/passwords');
      await resetPassword({ token, password: newPassword.password });
      return { token, ...newPassword };
    },
  },
  { action: 'startPasswordResetAction', actor: 'admin', input: async () => ({ userId: ids.admin }) },
  // A wrong current password changes nothing.
  {
    action: 'changePasswordAction',
    actor: 'buyer',
    input: async () => ({
      current: 'not-the-password',
      password: 'another-new-password',
      confirm: 'another-new-password',
    }),
  },
  // ── Issue 15: manager A never reaches supplier B's recipients (4 and 5 of the welfare order) ──
  {
    action: 'shipParcelAction',
    actor: 'managerA',
    input: async () => ({
      orderNo: (await welfareOrder('paid')).orderNo,
      supplierId: String(ids.supplierB),
      recipientNo: '4',
      carrier: '顺丰速运',
      trackingNo: 'SF12345678',
    }),
  },
  {
    action: 'shipParcelAction',
    actor: 'managerA',
    input: async () => ({
      orderNo: (await welfareOrder('paid')).orderNo,
      supplierId: String(ids.supplierA),
      recipientNo: '4',
      carrier: '顺丰速运',
      trackingNo: 'SF12345678',
    }),
  },
  {
    action: 'uploadTrackingAction',
    actor: 'managerA',
    input: async () => {
      const { orderNo } = await welfareOrder('paid');
      return { orderNo, supplierId: String(ids.supplierA), file: trackingSheet(orderNo, [1, 4]) };
    },
  },
  // A sheet naming another order's recipients, uploaded on this order.
  {
    action: 'uploadTrackingAction',
    actor: 'managerA',
    input: async () => {
      const [mine, other] = [await welfareOrder('paid'), await welfareOrder('paid')];
      return { orderNo: mine.orderNo, supplierId: String(ids.supplierA), file: trackingSheet(other.orderNo, [1]) };
    },
  },
  // Not before the order is approved and paid.
  {
    action: 'shipParcelAction',
    actor: 'managerA',
    input: async () => ({
      orderNo: (await welfareOrder('pending')).orderNo,
      supplierId: String(ids.supplierA),
      recipientNo: '1',
      carrier: '顺丰速运',
      trackingNo: 'SF12345678',
    }),
  },
  // ── Issue 14 (money) ──
  // A payUrl's capability is bound to its order: it neither pays nor cancels another one.
  {
    action: 'confirmSimulatedPaymentAction',
    actor: 'buyer',
    input: async () => {
      const { payCapability } = await import('@/lib/payments/pay-link');
      const mine = await placeFor(ids.buyer);
      return { orderNo: await placeFor(ids.unitBuyer), cap: payCapability(mine, new Date(Date.now() + 3_600_000)) };
    },
  },
  {
    action: 'cancelSimulatedPaymentAction',
    actor: 'buyer',
    input: async () => {
      const { payCapability } = await import('@/lib/payments/pay-link');
      const other = await placeFor(ids.unitBuyer);
      return { orderNo: other, cap: payCapability(other, new Date(Date.now() - 2 * 86_400_000)) }; // expired
    },
  },
];

const actions: Record<string, ActionFn> = {};

/** Calls an action; a redirect (what a successful checkout or payment ends with) counts as success. */
async function call(name: string, input: unknown): Promise<{ ok: boolean; code?: string; error?: string }> {
  try {
    return await actions[name]!(null, input);
  } catch (e) {
    if (String((e as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) return { ok: true };
    throw e;
  }
}

beforeAll(async () => {
  for (const [actor, email] of Object.entries(EMAIL))
    ids[actor as keyof typeof EMAIL] = (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
  ids.demoUnit = (
    await one<{ unit_id: string }>(sql`select unit_id from unit_members where user_id = ${ids.unitBuyer}`)
  ).unit_id;
  ids.buyerAddress = (await one<{ id: string }>(sql`select id from addresses where user_id = ${ids.buyer} limit 1`)).id;
  await getDb().execute(
    sql`update products set stock = 100000 where slug in ('manhao-bananas', 'jijie-chinese-cabbage', 'yi-embroidered-scarf', 'jijie-tomatoes')`,
  );
  ids.supplierA = (await one<{ id: number }>(sql`select id from suppliers where slug = 'datun-xingfu-embroidery'`)).id;
  ids.supplierB = (await one<{ id: number }>(sql`select id from suppliers where slug = 'jijie-vegetable-coop'`)).id;
  const foreignAdmin = (
    await one<{ id: string }>(
      sql`insert into users (email, name, password_hash, role) values ('foreign-admin@example.com', '外单位管理员', 'x', 'unit_member') returning id`,
    )
  ).id;
  ids.foreignUnit = (
    await one<{ id: string }>(
      sql`insert into units (name, credit_code, type, contact_name, status) values ('外单位', 'FOREIGN-UNIT', 'other', '外', 'verified') returning id`,
    )
  ).id;
  await getDb().execute(
    sql`insert into unit_members (unit_id, user_id, role, is_admin) values (${ids.foreignUnit}, ${foreignAdmin}, 'buyer', true)`,
  );

  const sharp = (await import('sharp')).default;
  photo = new Uint8Array(
    await sharp({ create: { width: 400, height: 400, channels: 3, background: '#a42a2a' } })
      .jpeg()
      .toBuffer(),
  );

  Object.assign(actions, await loadActions());
});

describe('authorization matrix', () => {
  it('covers every exported server action', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [name, c] of Object.entries(MATRIX)) {
    for (const actor of ACTORS) {
      const allowed = c.allowed.includes(actor);
      it(`${name} × ${actor}: ${allowed ? 'allowed' : 'denied, nothing written'}`, async () => {
        session.userId = actor === 'anonymous' ? null : ids[actor];
        const input = await c.input(actor);
        const before = await snapshot();
        const result = await call(name, input);
        if (allowed) {
          expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        } else {
          expect(result.ok).toBe(false);
          expect(['unauthorized', 'forbidden', 'not_found']).toContain(result.code);
          expect(result.error).toMatch(/[\u4e00-\u9fff]/);
          expect(await snapshot()).toBe(before);
        }
      });
    }
  }

  for (const f of FOREIGN) {
    it(`${f.action} × ${f.actor} with a foreign id: denied, nothing written`, async () => {
      session.userId = ids[f.actor as keyof typeof EMAIL];
      const input = await f.input();
      const before = await snapshot();
      const result = await call(f.action, input);
      expect(result.ok).toBe(false);
      expect(await snapshot()).toBe(before);
    });
  }

  it('a deactivated user is refused at once, whatever their session says', async () => {
    await getDb().execute(sql`update users set active = false where id = ${ids.managerA}`);
    session.userId = ids.managerA;
    const before = await snapshot();
    const r = await actions.updateSupplierProfileAction!(null, {
      supplierId: String(ids.supplierA),
      description: 'x',
      address: 'x',
      benefitMechanism: '停用后修改',
    });
    expect(r).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await snapshot()).toBe(before);
    await getDb().execute(sql`update users set active = true where id = ${ids.managerA}`);
  });

  it('bad input gets Chinese field errors and writes nothing', async () => {
    session.userId = ids.admin;
    const before = await snapshot();
    const r = await actions.createSupplierAction!(null, {
      name: '',
      slug: 'BAD SLUG',
      type: 'x',
      creditCode: '91350100M000100Y4Z',
    });
    expect(r).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(Object.values((r as unknown as { fieldErrors: Record<string, string> }).fieldErrors).join('')).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect(await snapshot()).toBe(before);
  });

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

describe('带贫成效 (issue 17): reviewers verify but never edit; supplier A never reaches supplier B', () => {
  const more = { reviewer: '', reviewerFar: '', managerB: '' };
  beforeAll(async () => {
    more.managerB = (await one<{ id: string }>(sql`select id from users where email = 'coop@example.com'`)).id;
    for (const [key, township] of [
      ['reviewer', 'datun'],
      ['reviewerFar', 'jijie'],
    ] as const) {
      more[key] = (
        await one<{ id: string }>(
          sql`insert into users (email, name, password_hash, role) values (${`${key}@example.com`}, '核实员', 'x', 'reviewer') returning id`,
        )
      ).id;
      await getDb().execute(
        sql`insert into benefit_reviewers (user_id, township_slug) values (${more[key]}, ${township})`,
      );
    }
  });

  type Who = 'reviewer' | 'reviewerFar' | 'managerA' | 'managerB';
  const userOf = (w: Who) => (w === 'managerA' ? ids.managerA : more[w]);
  const cases: {
    what: string;
    who: Who;
    action: string;
    allowed: boolean;
    input: () => Promise<Record<string, unknown>>;
  }[] = [
    // The reviewer of the household's township verifies and returns; another township's reviewer cannot.
    {
      what: 'verify in own township',
      who: 'reviewer',
      action: 'verifyPayoutAction',
      allowed: true,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)) }),
    },
    {
      what: 'return in own township',
      who: 'reviewer',
      action: 'returnPayoutAction',
      allowed: true,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)), reason: '请补充凭证' }),
    },
    {
      what: 'verify elsewhere',
      who: 'reviewerFar',
      action: 'verifyPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)) }),
    },
    {
      what: 'codes in own township',
      who: 'reviewer',
      action: 'issueConfirmCodesAction',
      allowed: true,
      input: async () => ({ householdIds: [String(await householdOf(ids.supplierA, 'datun'))] }),
    },
    {
      what: 'codes elsewhere',
      who: 'reviewerFar',
      action: 'issueConfirmCodesAction',
      allowed: false,
      input: async () => ({ householdIds: [String(await householdOf(ids.supplierA, 'datun'))] }),
    },
    // A reviewer never records, confirms, voids or edits, nor sees names.
    {
      what: 'record',
      who: 'reviewer',
      action: 'recordPayoutAction',
      allowed: false,
      input: async () => ({
        supplierId: String(ids.supplierA),
        householdId: String(await householdOf(ids.supplierA, 'datun')),
        kind: 'day_wage',
        quantity: '1',
        unitRate: '100',
        paidOn: '2026-01-05',
        method: 'bank',
      }),
    },
    {
      what: 'confirm',
      who: 'reviewer',
      action: 'confirmPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA, 'awaiting_confirmation')) }),
    },
    {
      what: 'void',
      who: 'reviewer',
      action: 'voidPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA, 'returned')) }),
    },
    {
      what: 'edit household',
      who: 'reviewer',
      action: 'updateHouseholdAction',
      allowed: false,
      input: async () => ({
        householdId: String(await householdOf(ids.supplierA, 'datun')),
        ...householdFields(),
        active: 'true',
      }),
    },
    {
      what: 'reveal',
      who: 'reviewer',
      action: 'revealHouseholdAction',
      allowed: false,
      input: async () => ({ householdId: String(await householdOf(ids.supplierA, 'datun')) }),
    },
    {
      what: 'invite',
      who: 'reviewer',
      action: 'inviteReviewerAction',
      allowed: false,
      input: async () => ({ townshipSlug: 'datun', inviteeName: 'x' }),
    },
    // A supplier never verifies its own payouts.
    {
      what: 'verify own',
      who: 'managerA',
      action: 'verifyPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierA)) }),
    },
    // Manager A cannot read or write supplier B's households or payouts, whichever supplier it names.
    {
      what: "B's household",
      who: 'managerA',
      action: 'updateHouseholdAction',
      allowed: false,
      input: async () => ({
        householdId: String(await householdOf(ids.supplierB, 'jijie')),
        ...householdFields(),
        active: 'false',
      }),
    },
    {
      what: "B's names",
      who: 'managerA',
      action: 'revealHouseholdAction',
      allowed: false,
      input: async () => ({ householdId: String(await householdOf(ids.supplierB, 'jijie')) }),
    },
    {
      what: 'as B',
      who: 'managerA',
      action: 'registerHouseholdAction',
      allowed: false,
      input: async () => ({ supplierId: String(ids.supplierB), ...householdFields() }),
    },
    {
      what: "to B's household as A",
      who: 'managerA',
      action: 'recordPayoutAction',
      allowed: false,
      input: async () => ({
        supplierId: String(ids.supplierA),
        householdId: String(await householdOf(ids.supplierB, 'jijie')),
        kind: 'day_wage',
        quantity: '1',
        unitRate: '100',
        paidOn: '2026-01-05',
        method: 'bank',
      }),
    },
    {
      what: "B's payout confirmed",
      who: 'managerA',
      action: 'confirmPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierB, 'awaiting_confirmation')) }),
    },
    {
      what: "B's payout voided",
      who: 'managerA',
      action: 'voidPayoutAction',
      allowed: false,
      input: async () => ({ payoutId: String(await payoutOf(ids.supplierB, 'returned')) }),
    },
    {
      what: "B's rule",
      who: 'managerA',
      action: 'declareDividendRuleAction',
      allowed: false,
      input: async () => ({
        supplierId: String(ids.supplierB),
        title: 'x',
        periodFrom: '2026-01-01',
        periodTo: '2026-02-01',
        sharePercent: '5',
        split: 'equal',
      }),
    },
    {
      what: "A's names",
      who: 'managerB',
      action: 'revealHouseholdAction',
      allowed: false,
      input: async () => ({ householdId: String(await householdOf(ids.supplierA, 'datun')) }),
    },
    // A rule's members are only households of the rule's supplier: A's dividend payout cannot use B's rule.
    {
      what: "B's rule for A's household",
      who: 'managerA',
      action: 'recordPayoutAction',
      allowed: false,
      input: async () => {
        const { declareDividendRule } = await import('@/lib/benefit/dividends');
        await householdOf(ids.supplierB, 'jijie');
        const rule = await declareDividendRule({
          supplierId: ids.supplierB,
          actorId: ids.admin,
          title: 'B',
          periodFrom: '2020-01-01',
          periodTo: '2026-01-01',
          shareBps: 100,
          split: 'equal',
        });
        return {
          supplierId: String(ids.supplierA),
          householdId: String(await householdOf(ids.supplierA, 'datun')),
          kind: 'dividend',
          dividendRuleId: String(rule.id),
          amount: '0.01',
          paidOn: '2026-01-05',
          method: 'bank',
        };
      },
    },
  ];

  for (const c of cases) {
    it(`${c.action} × ${c.who} (${c.what}): ${c.allowed ? 'allowed' : 'denied, nothing written'}`, async () => {
      session.userId = userOf(c.who);
      const input = await c.input();
      const before = await snapshot();
      const result = await call(c.action, input);
      if (c.allowed) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      else {
        expect(result.ok).toBe(false);
        expect(result.error).toMatch(/[\u4e00-\u9fff]/);
        expect(await snapshot()).toBe(before);
      }
    });
  }

  it('a verified amount is never changed by anyone; the receipt is served to the supplier, the office and the township reviewer only', async () => {
    const { processReceiptScan } = await import('@/lib/media/process');
    const { recordPayout, verifyPayout } = await import('@/lib/benefit/payouts');
    const { recordPayoutSchema } = await import('@/lib/validation/benefit');
    const processed = await processReceiptScan(photo);
    if (!processed.ok) throw new Error(processed.error);
    const h = await householdOf(ids.supplierA, 'datun');
    const r = await recordPayout({
      supplierId: ids.supplierA,
      actorId: ids.managerA,
      receipt: processed.value,
      input: recordPayoutSchema.parse({
        supplierId: String(ids.supplierA),
        householdId: String(h),
        kind: 'day_wage',
        quantity: '3',
        unitRate: '100',
        paidOn: '2026-01-05',
        method: 'bank',
      }),
    });
    await verifyPayout({ payoutId: r.id, actorId: more.reviewer });
    for (const who of [ids.managerA, more.reviewer, ids.admin]) {
      session.userId = who;
      for (const action of ['returnPayoutAction', 'voidPayoutAction', 'verifyPayoutAction']) {
        const res = await call(action, { payoutId: String(r.id), reason: '改金额' });
        expect(res.ok).toBe(false);
      }
    }
    expect(
      (await one<{ amount_fen: string }>(sql`select amount_fen::text from payouts where id = ${r.id}`)).amount_fen,
    ).toBe('30000');

    const { GET } = await import('@/app/workshop/payouts/[id]/receipt/route');
    const get = async (user: string | null) => {
      session.userId = user;
      return (await GET(new Request('http://t/'), { params: Promise.resolve({ id: String(r.id) }) })).status;
    };
    expect(await get(ids.managerA)).toBe(200);
    expect(await get(ids.admin)).toBe(200);
    expect(await get(more.reviewer)).toBe(200);
    expect(await get(more.managerB)).toBe(404);
    expect(await get(more.reviewerFar)).toBe(404);
    expect(await get(ids.buyer)).toBe(404);
    expect(await get(null)).toBe(401);
  });
});
