/**
 * postinstall: two guards for known postgres.js 3.4.9 bugs in its batched writes, both of which leave
 * the app hanging after a PostgreSQL restart. Idempotent; fails loudly if postgres.js changed so that a
 * patch no longer applies.
 *
 * 1. A write scheduled with setImmediate can run after the connection closed and throw `Cannot read
 *    properties of null (reading 'write')` outside any promise; a reserved connection (every
 *    transaction) then never settles (porsager/postgres#1154, #1208; fix proposed in #1176/#1209,
 *    unreleased). The guard rejects the pending query with CONNECTION_CLOSED instead, so the caller retries.
 * 2. On close and on terminate, postgres.js cancels the scheduled write but keeps the timer's handle and
 *    the unsent bytes. The connection object reconnects with `nextWriteTimer` still set, so no small write
 *    is ever scheduled again: a query whose first message is long goes out, its Bind/Execute/Sync never
 *    does, and the transaction waits for ever with its PostgreSQL backend waiting for the client
 *    (LanternOps/breeze#3225 describes the same). Found by e2e/system/faults.spec.ts once drizzle's queries
 *    became named statements (db/prepared-statements.ts): 3 hangs in 16 runs before, none after. Both
 *    now drop the handle and the bytes, which belonged to queries already rejected with the connection.
 * 3. A transaction whose connection closes goes on issuing queries on it: `begin` rejects at once, but
 *    the callback is still running, and its failed query makes the transaction send `rollback` on the
 *    connection object, which by then has reconnected for someone else. That `rollback` becomes the
 *    other user's current query, the other user's replies are read as its own, and both wait for ever
 *    (the PostgreSQL backend `active` in `ClientRead`, the client waiting for a reply to a `rollback` it
 *    never sent). Same fault test, with named statements: 3 hangs in 20 runs after patch 2, none in 30
 *    after this one. A transaction now issues queries only while the connection is still reserved for
 *    it; later ones are rejected with CONNECTION_CLOSED.
 * 4. A closed connection kept its protocol state: the current query, and an error PostgreSQL sent just
 *    before closing (57P01 on a restart). The next connection's first ReadyForQuery then failed the query
 *    that opened it with that stale error, and a query queued behind the closed one ran as if it were
 *    current. Close now rejects every query of the connection, with or without a socket error, and
 *    clears that state.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Patches of src/connection.js (and its cjs and cf copies). */
export const CONNECTION_PATCHES = [
  {
    mark: '/* gejiu: socket closed before a scheduled write */',
    from: `  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)`,
    to: (mark) =>
      `  function nextWrite(fn) {\n    if (!socket) { ${mark}\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`,
  },
  {
    mark: '/* gejiu: a closed connection schedules writes again */',
    from: `    incomings = null\n    clearImmediate(nextWriteTimer)\n`,
    to: (mark) =>
      `    incomings = null\n    clearImmediate(nextWriteTimer) ${mark}\n    chunk = nextWriteTimer = null\n`,
  },
  {
    mark: '/* gejiu: nothing of a closed connection carries over */',
    from: `    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n`,
    to: (mark) =>
      `    ;(query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket)) ${mark}\n    query = results = errorResponse = null\n    result = new Result()\n    rows = 0\n`,
  },
  {
    mark: '/* gejiu: a terminated connection keeps no scheduled write */',
    from: `      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n`,
    to: (mark) =>
      `      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer) ${mark}\n    chunk = nextWriteTimer = null\n`,
  },
];

/** Patches of src/index.js (and its cjs and cf copies): the pool and `begin`. */
export const INDEX_PATCHES = [
  {
    mark: '/* gejiu: a transaction queries only while it holds its connection */',
    from: `      function handler(q) {\n        q.catch(e => uncaughtError || (uncaughtError = e))\n        c.queue === full`,
    to: (mark) =>
      `      function handler(q) {\n        q.catch(e => uncaughtError || (uncaughtError = e))\n        if (!c || c.reserved !== owner) ${mark}\n          return q.reject(Errors.connection('CONNECTION_CLOSED', options))\n        c.queue === full`,
  },
  {
    mark: '/* gejiu: the reservation this transaction holds */',
    from: `      move(c, reserved)\n      c.reserved = () => queries.length\n        ? c.execute(queries.shift())`,
    to: (mark) =>
      `      move(c, reserved)\n      owner = c.reserved = () => queries.length ${mark}\n        ? c.execute(queries.shift())`,
  },
  {
    mark: '/* gejiu: the reservation, see onexecute */',
    from: `      , connection\n      , prepare = null\n`,
    to: (mark) => `      , connection\n      , owner = null ${mark}\n      , prepare = null\n`,
  },
];

/** The source with every patch applied (unchanged where already applied); throws if one no longer fits. */
export function patchSource(src, patches, file) {
  let out = src;
  for (const p of patches) {
    if (out.includes(p.mark)) continue;
    if (!out.includes(p.from)) {
      throw new Error(
        `[patch-postgres] ${file}: the code "${p.mark}" patches has changed; review scripts/patch-postgres.mjs`,
      );
    }
    out = out.replace(p.from, p.to(p.mark));
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let patched = 0;
  for (const dir of ['node_modules/postgres/src', 'node_modules/postgres/cjs/src', 'node_modules/postgres/cf/src']) {
    if (!existsSync(dir)) continue;
    for (const [name, patches] of [
      ['connection.js', CONNECTION_PATCHES],
      ['index.js', INDEX_PATCHES],
    ]) {
      const file = `${dir}/${name}`;
      const src = readFileSync(file, 'utf8');
      try {
        const out = patchSource(src, patches, file);
        if (out !== src) writeFileSync(file, out);
      } catch (e) {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
      }
    }
    patched++;
  }
  if (!patched) {
    console.error('[patch-postgres] postgres.js not found');
    process.exit(1);
  }
}
