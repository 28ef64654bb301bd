import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Everything that changes what `next build` produces. */
const INPUTS = [
  'app',
  'components',
  'domain',
  'lib',
  'db',
  'public',
  'instrumentation.ts',
  'next.config.mjs',
  'package-lock.json',
  'postcss.config.mjs',
  'tsconfig.json',
  'proxy.ts',
];
const STAMP = '.next/gejiu-source-hash';

function walk(path: string, files: string[]): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), files);
  } else if (!path.endsWith('.test.ts') && !path.endsWith('.test.tsx')) {
    files.push(path);
  }
}

/**
 * A hash of the sources and of the one build-time switch (GEJIU_BENCH_SIZES routes the benchmark's static
 * page, so `npm start` must not reuse a benchmark build). Nothing that varies per deployment enters it:
 * PORT, APP_URL, the payment simulator, the database and the secrets are read at run time, so one build
 * serves any host, port and number of instances.
 */
export function sourceHash(env: Record<string, string | undefined> = process.env): string {
  const files: string[] = [];
  for (const p of INPUTS) walk(p, files);
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  h.update(env.GEJIU_BENCH_SIZES ?? '');
  return h.digest('hex');
}

export function buildIsCurrent(): boolean {
  return existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
}

export function writeBuildStamp(): void {
  writeFileSync(STAMP, sourceHash());
}
