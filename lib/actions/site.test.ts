import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { seededUserId } from '@/scripts/test-support/orders';

/** 站点信息: the office sets the footer's contact details; each change is audited; bad input writes nothing. */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));

useSeededDatabase();

const { saveSiteContactAction } = await import('./site');
const { getSiteContact } = await import('@/lib/programme/settings');
const audits = async () =>
  rowsOf<{ n: number }>(
    await getDb().execute(sql`select count(*)::int as n from audit_log where action = 'site.contact'`),
  )[0]!.n;

beforeAll(async () => {
  session.userId = await seededUserId('admin@example.com');
});

describe('saveSiteContactAction', () => {
  it('starts from the seeded demo details', async () => {
    expect((await getSiteContact()).host).toContain('（演示）');
  });

  it('saves the details, trimmed, and audits the change', async () => {
    const before = await audits();
    const r = await saveSiteContactAction(null, {
      host: ' 个旧市消费帮扶工作领导小组办公室 ',
      operator: '个旧市某运营公司',
      hotline: '0873-1234567 转 8',
      hours: '工作日 9:00–17:30',
      icp: '',
    });
    expect(r.ok).toBe(true);
    expect(await getSiteContact()).toEqual({
      host: '个旧市消费帮扶工作领导小组办公室',
      operator: '个旧市某运营公司',
      hotline: '0873-1234567 转 8',
      hours: '工作日 9:00–17:30',
      icp: '',
    });
    expect(await audits()).toBe(before + 1);
  });

  it('refuses a hotline that is not a phone number, or an overlong name, in Chinese, changing nothing', async () => {
    const before = { contact: await getSiteContact(), audits: await audits() };
    const bad = await saveSiteContactAction(null, { host: 'x', hotline: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { hotline: '客服电话只能包含数字、空格、+、- 和括号' } });
    const long = await saveSiteContactAction(null, { host: '办'.repeat(61) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { host: '主办单位不能超过 60 个字' } });
    expect(await getSiteContact()).toEqual(before.contact);
    expect(await audits()).toBe(before.audits);
  });
});
