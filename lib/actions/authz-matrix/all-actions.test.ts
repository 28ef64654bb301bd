import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { session } from '@/scripts/test-support/authz-matrix/request';
import { actions, ids, snapshot, useAuthzWorld } from '@/scripts/test-support/authz-matrix/world';
import { afterSales } from './after-sales';
import { benefit } from './benefit';
import { office } from './office';
import { payments } from './payments';
import { shop } from './shop';
import { unit } from './unit';
import { workshop } from './workshop';

/**
 * The authorization matrix as a whole: its capabilities' rows (./*.ts, each run by its own test file) cover
 * every exported server action, and the guard every action shares refuses a deactivated user and bad input.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);

await useAuthzWorld();

const MATRIX = {
  ...workshop.cases,
  ...unit.cases,
  ...payments.cases,
  ...office.cases,
  ...shop.cases,
  ...benefit.cases,
  ...afterSales.cases,
};

describe('authorization matrix', () => {
  it('covers every exported server action', () => {
    expect(Object.keys(actions).sort()).toEqual(Object.keys(MATRIX).sort());
  });

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
});
