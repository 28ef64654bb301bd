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
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const PATCHES = [
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
    mark: '/* gejiu: a terminated connection keeps no scheduled write */',
    from: `      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n`,
    to: (mark) =>
      `      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer) ${mark}\n    chunk = nextWriteTimer = null\n`,
  },
];

/** The source with every patch applied (unchanged where already applied); throws if one no longer fits. */
export function patchConnectionSource(src, file = 'connection.js') {
  let out = src;
  for (const p of PATCHES) {
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
  for (const file of [
    'node_modules/postgres/src/connection.js',
    'node_modules/postgres/cjs/src/connection.js',
    'node_modules/postgres/cf/src/connection.js',
  ]) {
    if (!existsSync(file)) continue;
    const src = readFileSync(file, 'utf8');
    try {
      const out = patchConnectionSource(src, file);
      if (out !== src) writeFileSync(file, out);
    } catch (e) {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    }
    patched++;
  }
  if (!patched) {
    console.error('[patch-postgres] postgres.js not found');
    process.exit(1);
  }
}
