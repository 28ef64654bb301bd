import { vi } from 'vitest';
import { fakeNextHeaders } from '@/scripts/test-support/next-headers';

/**
 * Who is signed in and where the request comes from, for the abuse tests (lib/actions/abuse*.test.ts): the
 * state behind their mocks of Auth.js, next/headers and next/cache. In each of those files:
 *
 *   vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/abuse/request')).fakeAuth);
 *   vi.mock('next/headers', async () => (await import('@/scripts/test-support/abuse/request')).fakeHeaders);
 *   vi.mock('next/cache', async () => (await import('@/scripts/test-support/abuse/request')).strictNextCache);
 */
export const session = { current: null as null | { user: { id: string }; sessionVersion: number } };
export const request = { address: '198.51.100.1', jar: new Map<string, string>() };

export const fakeAuth = {
  auth: vi.fn(async () => session.current),
  signIn: vi.fn(async () => undefined),
  signOut: vi.fn(async () => {
    session.current = null;
  }),
};
export const fakeHeaders = fakeNextHeaders(request);
// Next's revalidateTag outside a request throws exactly this (issue 13, item 9).
export const strictNextCache = {
  revalidatePath: vi.fn(),
  updateTag: vi.fn(),
  cacheTag: vi.fn(),
  cacheLife: vi.fn(),
  revalidateTag: vi.fn(() => {
    throw new Error('Invariant: static generation store missing in revalidateTag');
  }),
};
