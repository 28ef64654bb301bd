import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { session } from '@/scripts/test-support/authz-matrix/request';
import { householdOf, payoutOf } from '@/scripts/test-support/authz-matrix/suppliers';
import { call, ids, matrixTests, photo, snapshot, useAuthzWorld } from '@/scripts/test-support/authz-matrix/world';
import { one } from '@/scripts/test-support/database';
import { benefit, householdFields } from './benefit';

/**
 * The authorization matrix (scripts/test-support/authz-matrix/world.ts) over 带贫成效 (./benefit.ts), then the
 * township reviewers and the supplier-against-supplier cases that the six actors do not cover.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);

await useAuthzWorld();

describe('authorization matrix', () => {
  matrixTests(benefit);
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
