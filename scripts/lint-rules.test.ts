import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of eslint.config.mjs, proven by planting violations: each snippet is linted as
 * if it were the named file, and must be refused (or accepted) by the named rule.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

const IMPORTS = 'no-restricted-imports';
const ENV = 'no-restricted-properties';
const CHINA = 'no-restricted-syntax';

describe('dependency direction', () => {
  it.each([
    ['domain/x.ts', "import { getEnv } from '@/lib/env';"],
    ['domain/x.ts', "import { getDb } from '@/db/client';"],
    ['domain/x.ts', "import { createHash } from 'node:crypto';"],
    ['db/queries/x.ts', "import { AppError } from '@/lib/errors';"],
    ['db/queries/x.ts', "import { x } from '../../lib/errors';"],
    ['db/queries/x.ts', "import { getEnv } from '@/lib/env';"],
    ['db/client.ts', "import { AppError } from '@/lib/errors';"],
    ['lib/orders/x.ts', "import { Money } from '@/components/ui/money';"],
    ['lib/orders/x.ts', "import Page from '@/app/page';"],
    ['lib/orders/x.ts', "import { sql } from 'drizzle-orm';"],
    ['lib/orders/x.ts', "import { orders } from '@/db/schema';"],
    ['components/x.tsx', "import Page from '@/app/page';"],
    ['components/x.tsx', "import { getDb } from '@/db/client';"],
    ['app/x.ts', "import { sql } from 'drizzle-orm';"],
    ['app/x.tsx', "import Link from 'next/link';"],
    ['components/catalog/x.tsx', "import Link from 'next/link';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await rulesBroken(file, `${code}\nexport {};\n`)).toContain(IMPORTS);
  });

  it.each([
    ['db/client.ts', "import { getEnv } from '@/lib/env';"],
    ['db/queries/x.ts', "import { chinaDate } from '@/domain/time';"],
    ['lib/orders/x.ts', "import { getOrderRecord } from '@/db/queries/orders';"],
    ['components/x.tsx', "import type { OrderView } from '@/lib/orders/order-view';"],
    ['app/x.ts', "import { getOrderRecord } from '@/db/queries/orders';"],
    ['components/layout/intent-link.tsx', "import Link from 'next/link';"],
  ])('%s may: %s', async (file, code) => {
    expect(await rulesBroken(file, `${code}\nexport {};\n`)).not.toContain(IMPORTS);
  });
});

describe('configuration and China time', () => {
  it('reads process.env only in lib/env.ts (and the tools around the app)', async () => {
    const code = 'export const port = process.env.PORT;\n';
    expect(await rulesBroken('lib/orders/x.ts', code)).toContain(ENV);
    expect(await rulesBroken('db/client.ts', code)).toContain(ENV);
    expect(await rulesBroken('app/x.ts', code)).toContain(ENV);
    expect(await rulesBroken('lib/env.ts', code)).not.toContain(ENV);
    expect(await rulesBroken('scripts/x.ts', code)).not.toContain(ENV);
  });

  it.each([
    'export const a = 8 * 3600_000;',
    'export const a = 3_600_000 * 8;',
    'export const a = 8 * 3600;',
    'export const a = 8 * 60 * 60;',
    "export const a = '2026-01-01T00:00+08:00';",
    "export const a = `at time zone 'Asia/Shanghai'`;",
    "export const a = sql`now() + interval '8 hours'`;",
  ])('refuses a hand-written UTC+8 outside domain/time.ts: %s', async (code) => {
    expect(await rulesBroken('lib/orders/x.ts', `${code}\n`)).toContain(CHINA);
    expect(await rulesBroken('domain/time.ts', `${code}\n`)).not.toContain(CHINA);
  });

  it('leaves other hours alone', async () => {
    expect(await rulesBroken('lib/x.ts', 'const HOURS = 8;\nexport const a = HOURS * 3600 + 6 * 3600_000;\n')).toEqual(
      [],
    );
  });
});
