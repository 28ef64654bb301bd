import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, dbKind, getDb, rowsOf, type Executor } from './client';
import { PREPARE_MAX_PARAMETERS, worthPreparing } from './prepared-statements';

describe('worthPreparing', () => {
  it('prepares statements with parameters, up to the bound', () => {
    expect(worthPreparing(undefined)).toBe(false);
    expect(worthPreparing([])).toBe(false);
    expect(worthPreparing([1])).toBe(true);
    expect(worthPreparing(Array(PREPARE_MAX_PARAMETERS).fill(1))).toBe(true);
    expect(worthPreparing(Array(PREPARE_MAX_PARAMETERS + 1).fill(1))).toBe(false);
  });
});

/** The statements this connection keeps prepared (read inside a transaction: one connection throughout). */
async function preparedHere(tx: Executor): Promise<string[]> {
  const rows = rowsOf<{ statement: string }>(await tx.execute(sql`select statement from pg_prepared_statements`));
  return rows.map((r) => r.statement);
}

// Named statements are a postgres.js matter: the embedded database (PGlite) runs drizzle's queries itself.
describe.skipIf(dbKind() !== 'postgres')('drizzle over postgres.js runs named statements', () => {
  afterAll(async () => {
    await closeDb();
  });

  it('a query with parameters is prepared once per connection and gives the same rows', async () => {
    await getDb().transaction(async (tx) => {
      const first = rowsOf<{ v: string; d: string }>(
        await tx.execute(sql`select ${'a'}::text || 'prepared-1' as v, ${'2026-12-03'}::date as d`),
      );
      const second = rowsOf<{ v: string; d: string }>(
        await tx.execute(sql`select ${'b'}::text || 'prepared-1' as v, ${'2026-12-04'}::date as d`),
      );
      // drizzle's own parsers still apply: a date stays the string PostgreSQL sent.
      expect(first).toEqual([{ v: 'aprepared-1', d: '2026-12-03' }]);
      expect(second).toEqual([{ v: 'bprepared-1', d: '2026-12-04' }]);
      const kept = (await preparedHere(tx)).filter((s) => s.includes('prepared-1'));
      expect(kept).toHaveLength(1);
    });
  });

  it('in a savepoint too', async () => {
    await getDb().transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select ${1}::int + 1 as n /* prepared-2 */`);
      });
      expect((await preparedHere(tx)).some((s) => s.includes('prepared-2'))).toBe(true);
    });
  });

  it('a statement past the bound, or without parameters, is not kept', async () => {
    const many = Array.from({ length: PREPARE_MAX_PARAMETERS + 1 }, (_, i) => i);
    await getDb().transaction(async (tx) => {
      const big = sql.join(
        many.map((n) => sql`${n}::int`),
        sql`, `,
      );
      const r = rowsOf<{ n: number }>(await tx.execute(sql`select greatest(${big}) as n /* prepared-3 */`));
      expect(r[0]!.n).toBe(PREPARE_MAX_PARAMETERS);
      await tx.execute(sql`select 1 as n /* prepared-4 */`);
      const kept = await preparedHere(tx);
      expect(kept.some((s) => s.includes('prepared-3'))).toBe(false);
      expect(kept.some((s) => s.includes('prepared-4'))).toBe(false);
    });
  });

  it('a failed statement leaves the connection usable, in and out of a transaction', async () => {
    await expect(getDb().execute(sql`select ${'x'}::int as n`)).rejects.toThrow();
    const r = rowsOf<{ n: number }>(await getDb().execute(sql`select ${'7'}::int as n`));
    expect(r).toEqual([{ n: 7 }]);
  });
});
