import { describe, expect, it, vi } from 'vitest';
import { guestOrder, onPostgres, usePinnedClock } from '@/scripts/test-support/abuse/world';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { contact } from '@/scripts/test-support/orders';

/**
 * Issue 13, items 6 (stored files keep their sandbox) and 9 (the sweep's cache invalidations): the platform
 * around the actions, with the mocks and the pinned clock of the attacks in abuse.test.ts. They count no
 * transaction ids, so they need no cluster of their own: the db-postgres project's database does.
 */
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/abuse/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/abuse/request')).fakeHeaders);
vi.mock('next/cache', async () => (await import('@/scripts/test-support/abuse/request')).strictNextCache);

useSeededDatabase();

describe.skipIf(!onPostgres)('abuse resistance (issue 13) on PostgreSQL', () => {
  usePinnedClock();

  it('6. stored files keep their sandbox: attachment, CSP sandbox and nosniff, not replaced by the page CSP', async () => {
    // @ts-expect-error next.config.mjs is plain JavaScript without types
    const config = (await import('@/next.config.mjs')).default as {
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    // The matcher Next uses for `headers()` sources.
    // @ts-expect-error Next's compiled copy ships without types
    const { pathToRegexp } = (await import('next/dist/compiled/path-to-regexp')) as {
      pathToRegexp: (source: string) => RegExp;
    };
    const cspFor = (path: string) =>
      rules
        .filter((r) => pathToRegexp(r.source).test(path))
        .flatMap((r) => r.headers)
        .filter((h) => h.key === 'Content-Security-Policy')
        .map((h) => h.value);
    for (const path of ['/media/' + 'a'.repeat(64), '/workshop/certificates/7/file'])
      expect(cspFor(path)).toEqual([expect.stringContaining('sandbox')]);
    expect(cspFor('/products')).toEqual([expect.stringContaining("frame-ancestors 'none'")]);
  });

  it("9. the sweep's invalidations no longer call revalidateTag outside a request: they go through the shared cache handler", async () => {
    const { invalidateInBackground } = await import('@/lib/cache/invalidate');
    const { revalidateTag } = await import('next/cache');
    const order = await guestOrder(contact.name, contact.mobile);
    const updateTags = vi.fn(async () => undefined);
    (globalThis as Record<symbol, unknown>)[Symbol.for('gejiu.cache-handler')] = { updateTags };
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
    const { ensureLocalSecrets } = await import('@/lib/env');
    ensureLocalSecrets();
    try {
      await invalidateInBackground.order({ orderId: order.orderId });
      expect(revalidateTag).not.toHaveBeenCalled();
      expect(updateTags).toHaveBeenCalledWith(['product:manhao-bananas', 'impact'], { expire: 0 });
    } finally {
      vi.stubEnv('NEXT_RUNTIME', '');
      ensureLocalSecrets();
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('gejiu.cache-handler')];
    }
  });
});
