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
  } else if (!path.endsWith('.test.ts')) {
    files.push(path);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const p of INPUTS) walk(p, files);
  const h = createHash('sha256');
  for (const f of files) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  // APP_URL is baked into prerendered QR codes.
  h.update(process.env.APP_URL ?? '').update(process.env.PORT ?? '');
  // A benchmark build routes the static baseline page; `npm start` must not reuse it.
  h.update(process.env.GEJIU_BENCH_SIZES ?? '');
  return h.digest('hex');
}

export function buildIsCurrent(): boolean {
  return existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
}

export function writeBuildStamp(): void {
  writeFileSync(STAMP, sourceHash());
}
