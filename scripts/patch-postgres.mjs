/**
 * postinstall: a guard for a known postgres.js 3.4.9 bug (porsager/postgres#1154, #1208; fix proposed
 * in #1176/#1209, unreleased). A write scheduled with setImmediate can run after the connection closed
 * and throw `Cannot read properties of null (reading 'write')` outside any promise; a reserved
 * connection (every transaction) then never settles, and the app hangs after a PostgreSQL restart.
 * The guard rejects the pending query with CONNECTION_CLOSED instead, so the caller retries.
 * Idempotent; fails loudly if postgres.js changed so that the patch no longer applies.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const MARK = '/* gejiu: socket closed before a scheduled write */';
const from = `  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)`;
const to = `  function nextWrite(fn) {\n    if (!socket) { ${MARK}\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n      chunk = nextWriteTimer = null\n      error(Errors.connection('CONNECTION_CLOSED', options))\n      return false\n    }\n    const x = socket.write(chunk, fn)`;

let patched = 0;
for (const file of [
  'node_modules/postgres/src/connection.js',
  'node_modules/postgres/cjs/src/connection.js',
  'node_modules/postgres/cf/src/connection.js',
]) {
  if (!existsSync(file)) continue;
  const src = readFileSync(file, 'utf8');
  if (src.includes(MARK)) {
    patched++;
    continue;
  }
  if (!src.includes(from)) {
    console.error(`[patch-postgres] ${file}: nextWrite has changed; review scripts/patch-postgres.mjs`);
    process.exit(1);
  }
  writeFileSync(file, src.replace(from, to));
  patched++;
}
if (!patched) {
  console.error('[patch-postgres] postgres.js not found');
  process.exit(1);
}
