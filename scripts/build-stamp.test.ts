import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from './build-stamp';
import { markServing, servingPids, startPlan } from './serving';

describe('build stamp', () => {
  it('ignores everything a deployment sets, so one build serves any port, host and number of instances', () => {
    const base = sourceHash({});
    expect(
      sourceHash({
        PORT: '3100',
        APP_URL: 'https://shop.example.cn',
        PAYMENT_SIMULATOR: '0',
        STRIPE_SECRET_KEY: 'sk_test_1',
        DATABASE_URL: 'postgres://u@db:5432/gejiu',
        AUTH_SECRET: 'x'.repeat(32),
        TRUSTED_PROXY_HOPS: '1',
        NODE_ENV: 'production',
      }),
    ).toBe(base);
  });

  it('changes with the benchmark build switch, which routes a page', () => {
    expect(sourceHash({ GEJIU_BENCH_SIZES: '1000' })).not.toBe(sourceHash({}));
  });
});

describe('npm start', () => {
  it('serves a current build whatever the environment', () => {
    expect(startPlan({ buildCurrent: true, production: true, servingPids: [42] })).toEqual({ kind: 'serve' });
  });

  it('builds a stale build only for a newcomer with no other instance serving it', () => {
    expect(startPlan({ buildCurrent: false, production: false, servingPids: [] })).toEqual({ kind: 'build' });
    const busy = startPlan({ buildCurrent: false, production: false, servingPids: [4242] });
    expect(busy).toMatchObject({ kind: 'refuse' });
    expect(busy.kind === 'refuse' && busy.reason).toContain('4242');
  });

  it('never builds in production', () => {
    const p = startPlan({ buildCurrent: false, production: true, servingPids: [] });
    expect(p).toMatchObject({ kind: 'refuse' });
    expect(p.kind === 'refuse' && p.reason).toContain('npm run build');
  });
});

describe('which starts serve the build', () => {
  it('lists live starts of the checkout other than this one, and forgets those that died', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gejiu-serving-'));
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, String(dead)), '3000\n');
    writeFileSync(join(dir, String(process.ppid)), '3001\n');
    writeFileSync(join(dir, 'not-a-pid'), '');
    markServing('3002', dir);
    expect(servingPids(dir)).toEqual([process.ppid]);
    expect(existsSync(join(dir, String(dead)))).toBe(false);
    expect(existsSync(join(dir, String(process.pid)))).toBe(true);
  });
});
