import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  areTagsExpired,
  areTagsStale,
  tagsManifest,
} from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

/**
 * With the embedded database (no DATABASE_URL) there is no cache_tags table to share, but the pages Next keeps
 * on disk outlive the process: the handler keeps when each tag was last invalidated in a file beside them.
 * The multi-instance behaviour on PostgreSQL is walked by e2e/system/two-instances.spec.ts.
 */
const dirs: string[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  tagsManifest.clear();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh process's handler: a new module instance, and Next's in-memory tag record emptied. */
async function start(distDir: string) {
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('NEXT_DIST_DIR', distDir);
  tagsManifest.clear();
  vi.resetModules();
  return (await import('./shared-tags-handler.js')).default;
}

/** The clock Next stamps and checks tag times with (tags-manifest.external.js); Date.now() may run a few ms apart. */
const now = () => performance.timeOrigin + performance.now();

function distDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'gj-tags-'));
  dirs.push(d);
  return d;
}

describe('cache invalidations on the embedded database outlive a restart', () => {
  it('a page rendered before an invalidation the previous process made is expired after a restart; one rendered after is not', async () => {
    const dir = distDir();
    const handler = await start(dir);
    const renderedBefore = now() - 1;
    await handler.updateTags(['impact'], { expire: 0 });
    // In this process, as soon as Next's clock reaches the stamp it rounded to the nearest ms (within 1 ms).
    await vi.waitFor(() => expect(areTagsExpired(['impact'], renderedBefore)).toBe(true));

    const file = path.join(dir, 'cache', 'expired-tags.json');
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('impact'));

    await start(dir); // the process stopped; a new one starts on the same .next
    expect(areTagsExpired(['impact'], renderedBefore)).toBe(true);
    expect(areTagsExpired(['impact'], now() + 1)).toBe(false);
    expect(areTagsExpired(['catalog'], renderedBefore)).toBe(false); // never invalidated
  });

  it('keeps every tag it was told of, across several restarts', async () => {
    const dir = distDir();
    const file = path.join(dir, 'cache', 'expired-tags.json');
    const renderedBefore = now() - 1;
    await (await start(dir)).updateTags(['product:a'], { expire: 0 });
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('product:a'));
    await (await start(dir)).updateTags(['catalog'], { expire: 0 });
    await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('catalog'));

    await start(dir);
    expect(areTagsExpired(['product:a'], renderedBefore)).toBe(true);
    expect(areTagsExpired(['catalog'], renderedBefore)).toBe(true);
  });

  it('a missing, garbled or hand-edited file means nothing is known to be invalidated, and the start goes on', async () => {
    const dir = distDir();
    await start(dir); // no file yet: a fresh build
    expect(areTagsExpired(['impact'], 0)).toBe(false);

    mkdirSync(path.join(dir, 'cache'), { recursive: true });
    writeFileSync(path.join(dir, 'cache', 'expired-tags.json'), '{"impact": ');
    await start(dir);
    expect(areTagsExpired(['impact'], 0)).toBe(false);

    writeFileSync(path.join(dir, 'cache', 'expired-tags.json'), '{"impact": "soon", "catalog": 5}');
    await start(dir);
    expect(areTagsExpired(['impact'], 0)).toBe(false);
    expect(areTagsExpired(['catalog'], 0)).toBe(true);
  });

  it('a time in the future (a clock ahead, a hand-edited file) counts as now: what renders next is fresh', async () => {
    const dir = distDir();
    mkdirSync(path.join(dir, 'cache'), { recursive: true });
    const inAnHour = now() + 3_600_000;
    writeFileSync(path.join(dir, 'cache', 'expired-tags.json'), JSON.stringify({ impact: inAnHour }));
    const startedAt = now();
    await start(dir);
    expect(areTagsExpired(['impact'], startedAt - 1)).toBe(true);
    const renderedNext = now() + 1;
    expect(areTagsStale(['impact'], renderedNext)).toBe(false);
    expect(areTagsExpired(['impact'], renderedNext)).toBe(false);
  });

  it('a .next it cannot write to (a file where the cache directory should be) is said once, and pages keep being served', async () => {
    const dir = distDir();
    writeFileSync(path.join(dir, 'cache'), 'not a directory');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const handler = await start(dir);
    const renderedBefore = now() - 1;
    vi.useFakeTimers({ toFake: ['setTimeout'] }); // the 100 ms batching of the writes
    try {
      await handler.updateTags(['impact'], { expire: 0 });
      await vi.advanceTimersByTimeAsync(200);
      expect(errors).toHaveBeenCalledTimes(1);
      await handler.updateTags(['catalog'], { expire: 0 });
      await vi.advanceTimersByTimeAsync(200);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      errors.mockRestore();
    }
    await vi.waitFor(() => expect(areTagsExpired(['impact', 'catalog'], renderedBefore)).toBe(true)); // in memory still
  });
});
