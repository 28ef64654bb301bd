import { describe, vi } from 'vitest';
import { matrixTests, useAuthzWorld } from '@/scripts/test-support/authz-matrix/world';
import { shop } from './shop';

/**
 * The authorization matrix over the storefront's and the buyer account's actions: rows in ./shop.ts, runner in
 * scripts/test-support/authz-matrix/world.ts.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);

await useAuthzWorld();

describe('authorization matrix', () => {
  matrixTests(shop);
});
