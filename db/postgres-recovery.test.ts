import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { dbKind } from './client';

/**
 * postgres.js as installed (scripts/patch-postgres.mjs runs at postinstall) when PostgreSQL ends a
 * connection under it, as a restart does: e2e/system/faults.spec.ts found each case as a hang or a
 * spurious error under load; here each is forced on one connection. pg_terminate_backend ends the
 * backend the way a restart's fast shutdown does (57P01, then the socket closes).
 */
describe.skipIf(dbKind() !== 'postgres')('postgres.js when PostgreSQL ends its connection', () => {
  const clients: postgres.Sql[] = [];
  /** A pool of one connection, so that the next user of the connection is known. */
  const pool = () => {
    const c = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    clients.push(c);
    return c;
  };
  const outcome = (p: PromiseLike<unknown>) =>
    Promise.resolve(p).then(
      (value) => ({ value }),
      (error: unknown) => ({ error: error as { code?: string } }),
    );
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
  });

  it('the query that opens the next connection is not failed with the error the old one died of', async () => {
    const sql = pool();
    const killed = await outcome(sql`select pg_terminate_backend(pg_backend_pid())`);
    expect(killed).toHaveProperty('error');
    expect(await sql`select 1 as x`).toEqual([{ x: 1 }]);
  });

  it('a transaction whose connection died sends nothing on that connection’s next transaction', async () => {
    const sql = pool();
    let dead: postgres.TransactionSql | undefined;
    const first = await outcome(
      sql.begin(async (tx) => {
        dead = tx;
        await tx`select pg_terminate_backend(pg_backend_pid())`;
      }),
    );
    expect(first).toHaveProperty('error');

    const second = await sql.begin(async (tx) => {
      const [before] = await tx`select txid_current()::text as xid`;
      // The first transaction's handle, used again while the same connection serves the second one.
      const late = await outcome(dead!`select 'late' as x`);
      const [after] = await tx`select txid_current()::text as xid`;
      return { late, same: before!.xid === after!.xid };
    });
    expect(second.late).toEqual({ error: expect.objectContaining({ code: 'CONNECTION_CLOSED' }) });
    expect(second.same).toBe(true);
    // The connection serves on.
    expect(await sql`select 2 as y`).toEqual([{ y: 2 }]);
  });
});
