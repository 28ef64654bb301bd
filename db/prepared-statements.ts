import type { Sql } from 'postgres';

/**
 * drizzle runs every query unprepared (`unsafe(query, params, { prepare: false })`), and postgres.js then
 * sends a query with parameters in two round trips: it asks PostgreSQL to describe the statement, waits,
 * and only then binds and runs it, on every call (drizzle-team/drizzle-orm#6096). A named statement is
 * described once per connection and runs in one round trip after that: about 0.9 ms less server CPU per
 * order in interleaved runs (README "Orders against the database's own limit").
 *
 * They were out of the app for a while: with them, the PostgreSQL restart fault test hung, through two
 * postgres.js bugs that pipelining made frequent (a closed connection's stale write timer, and a
 * transaction sending its rollback on a connection that had reconnected for someone else). Both are
 * fixed by scripts/patch-postgres.mjs, with tests in db/postgres-recovery.test.ts.
 *
 * Statements with more than PREPARE_MAX_PARAMETERS parameters stay unprepared: they are multi-row inserts
 * and long `in (…)` lists whose text changes with the number of rows, so keeping each one would only use
 * memory, in postgres.js and in PostgreSQL, for the connection's life. A statement without parameters goes
 * as a simple query, one round trip, as before. Connections are recycled (postgres.js `max_lifetime`,
 * `idle_timeout`), which bounds what each keeps. A plan made stale by a migration while the app runs is
 * re-prepared by postgres.js itself outside a transaction; inside one, that transaction fails once
 * (`cached plan must not change result type`) and the next runs on a fresh statement.
 */
export const PREPARE_MAX_PARAMETERS = 100;

export function worthPreparing(parameters: readonly unknown[] | undefined): boolean {
  return !!parameters && parameters.length > 0 && parameters.length <= PREPARE_MAX_PARAMETERS;
}

type Unsafe = Sql['unsafe'];
type Options = Parameters<Unsafe>[2];

/**
 * The client drizzle is given: the same postgres.js client, whose drizzle queries (those that say
 * whether to prepare) are prepared when worthPreparing, in the pool, in transactions and in savepoints.
 */
export function preparing<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'unsafe') {
        return ((query: string, parameters?: never[], options?: Options) =>
          target.unsafe(
            query,
            parameters,
            options && 'prepare' in options ? { ...options, prepare: worthPreparing(parameters) } : options,
          )) as Unsafe;
      }
      if ((prop === 'begin' || prop === 'savepoint') && typeof value === 'function') {
        // begin([options], fn) and savepoint([name], fn): the callback gets the reserved connection.
        return (...args: unknown[]) => {
          const fn = args.pop() as (sql: Sql) => unknown;
          return (value as (...a: unknown[]) => unknown).apply(target, [...args, (sql: Sql) => fn(preparing(sql))]);
        };
      }
      return value;
    },
  });
}
