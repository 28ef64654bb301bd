import { vi } from 'vitest';
import { fakeNextHeaders } from '@/scripts/test-support/next-headers';

/**
 * Who calls the actions of the authorization matrix (lib/actions/authz-matrix/), and from where: the state
 * behind its mocks of the session, Auth.js and next/headers. Each matrix test file mocks them with these:
 *
 *   vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeSession);
 *   vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeAuth);
 *   vi.mock('next/headers', async () => (await import('@/scripts/test-support/authz-matrix/request')).fakeHeaders);
 */
export const session = { userId: null as string | null };
/** The browser's cookies (a guest's cart, the view grant of a looked-up order). */
export const jar = new Map<string, string>();

export const fakeSession = { getSessionUserId: async () => session.userId };
export const fakeAuth = { auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) };

// Each call comes from its own address, so that the per-address limits (lib/actions/abuse.test.ts) stay out of the way.
let calls = 0;
export const fakeHeaders = fakeNextHeaders({
  jar,
  get address() {
    const n = calls++;
    return `203.0.${(n >> 8) & 255}.${n & 255}`;
  },
});
