import { vi } from 'vitest';

/**
 * Services invalidate the cache through next/cache, which needs a Next request store. Tests of db/ and
 * of the services (the db-* projects of vitest.config.ts) run outside Next: every file gets these
 * mocks. A test that needs another behaviour (lib/actions/abuse*.test.ts) mocks next/cache itself.
 */
vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  cacheTag: vi.fn(),
  cacheLife: vi.fn(),
}));
