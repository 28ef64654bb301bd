import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (postinstall), without types
import { CONNECTION_PATCHES, INDEX_PATCHES, patchSource } from './patch-postgres.mjs';

type Patch = { mark: string; from: string; to: (mark: string) => string };
const patch = patchSource as (src: string, patches: Patch[], file?: string) => string;
const FILES: [string, Patch[]][] = [
  ['connection.js', CONNECTION_PATCHES as Patch[]],
  ['index.js', INDEX_PATCHES as Patch[]],
];
/** postgres.js ships three copies of its sources (ESM, CommonJS, Cloudflare); the app bundles one of them. */
const COPIES = ['src', 'cjs/src', 'cf/src'];
/** The same source with the patches taken out. */
const unpatch = (src: string, patches: Patch[]) => patches.reduce((s, p) => s.replace(p.to(p.mark), p.from), src);
const installed = (copy: string, name: string) => readFileSync(`node_modules/postgres/${copy}/${name}`, 'utf8');

describe.each(FILES)('scripts/patch-postgres.mjs on %s', (name, patches) => {
  it('every installed copy carries every patch, and patching an unpatched copy gives exactly it', () => {
    for (const copy of COPIES) {
      const src = installed(copy, name);
      const unpatched = unpatch(src, patches);
      expect(unpatched).not.toContain('gejiu:');
      expect(patch(unpatched, patches)).toBe(src);
      // Applying it twice changes nothing.
      expect(patch(src, patches)).toBe(src);
    }
  });

  it('refuses a postgres.js whose code moved, rather than leave it unpatched', () => {
    const unpatched = unpatch(installed('src', name), patches);
    for (const p of patches) {
      expect(() => patch(unpatched.replace(p.from, '/* moved */'), patches, 'x.js')).toThrow(/x\.js.*changed/);
    }
  });
});

describe('what the patches change', () => {
  const connection = installed('src', 'connection.js');
  const index = installed('src', 'index.js');
  const between = (src: string, from: string, to: string) =>
    src.slice(src.indexOf(from), src.indexOf(to, src.indexOf(from)));

  it('close and terminate forget the scheduled write and its bytes', () => {
    const closed = between(connection, 'async function closed(', 'onclose(connection');
    expect(closed).toMatch(/clearImmediate\(nextWriteTimer\)[^\n]*\n {4}chunk = nextWriteTimer = null/);
    const terminate = between(connection, 'function terminate()', 'async function closed(');
    expect(terminate).toMatch(/clearImmediate\(nextWriteTimer\)[^\n]*\n {4}chunk = nextWriteTimer = null/);
  });

  it('close rejects every query of the connection, with or without a socket error, and keeps no reply state', () => {
    const closed = between(connection, 'async function closed(', 'onclose(connection');
    expect(closed).not.toContain('!hadError && (query');
    expect(closed).toMatch(/\n {4};\(query \|\| sent\.length\) && error\(/);
    expect(closed).toMatch(/query = results = errorResponse = null\n {4}result = new Result\(\)\n {4}rows = 0\n/);
  });

  it('a transaction sends queries only while its connection is still reserved for it', () => {
    const handler = between(index, '      function handler(q) {\n        q.catch', '\n      }\n');
    expect(handler).toMatch(
      /if \(!c \|\| c\.reserved !== owner\)[^\n]*\n\s+return q\.reject\(Errors\.connection\('CONNECTION_CLOSED'/,
    );
    expect(between(index, '    function onexecute(c) {', '\n    }\n')).toContain('owner = c.reserved = () =>');
  });
});
