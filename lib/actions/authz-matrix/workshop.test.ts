import { describe, vi } from 'vitest';
import { matrixTests, useAuthzWorld } from '@/scripts/test-support/authz-matrix/world';
import { workshop } from './workshop';

/**
 * The authorization matrix over the workshop portal's actions: rows in ./workshop.ts, runner in scripts/test-
 * support/authz-matrix/world.ts.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);

await useAuthzWorld();

describe('authorization matrix', () => {
  matrixTests(workshop);
});
