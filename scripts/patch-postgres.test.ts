import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script (postinstall), without types
import { patchConnectionSource } from './patch-postgres.mjs';

const patch = patchConnectionSource as (src: string, file?: string) => string;

/** The installed postgres.js, as the postinstall left it, and the same source with the patches taken out. */
const installed = readFileSync('node_modules/postgres/src/connection.js', 'utf8');
const unpatched = installed
  .replace(
    /\n {4}if \(!socket\) \{ \/\* gejiu: socket closed before a scheduled write \*\/[\s\S]*?return false\n {4}\}/,
    '',
  )
  .replace(
    /clearImmediate\(nextWriteTimer\) \/\* gejiu: [^*]+\*\/\n {4}chunk = nextWriteTimer = null\n/g,
    'clearImmediate(nextWriteTimer)\n',
  );

describe('scripts/patch-postgres.mjs', () => {
  it('the installed postgres.js carries every patch', () => {
    expect(unpatched).not.toContain('gejiu:');
    expect(patch(installed)).toBe(installed);
  });

  it('patches the teardown: close and terminate forget the scheduled write and its bytes', () => {
    const out = patch(unpatched);
    expect(out).toBe(installed);
    const at = out.indexOf('async function closed(');
    const closed = out.slice(at, out.indexOf('socket.removeAllListeners()', at));
    expect(closed).toMatch(/clearImmediate\(nextWriteTimer\)[^\n]*\n {4}chunk = nextWriteTimer = null/);
    const terminate = out.slice(out.indexOf('function terminate()'), out.indexOf('async function closed('));
    expect(terminate).toMatch(/clearImmediate\(nextWriteTimer\)[^\n]*\n {4}chunk = nextWriteTimer = null/);
    // Applying it twice changes nothing.
    expect(patch(out)).toBe(out);
  });

  it('refuses a postgres.js whose code moved, rather than leave it unpatched', () => {
    const moved = unpatched.replace(
      '    incomings = null\n    clearImmediate(nextWriteTimer)',
      '    incomings = null;',
    );
    expect(() => patch(moved, 'x.js')).toThrow(/x\.js.*changed/);
  });
});
