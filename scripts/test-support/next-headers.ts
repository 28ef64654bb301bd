/**
 * next/headers for tests that call actions outside Next: one visitor, at `request.address` (read on every
 * call, so a test may move it), whose cookies live in `request.jar` (and are sent in its Cookie header). In a
 * test file:
 *
 *   vi.mock('next/headers', async () => (await import('@/scripts/test-support/next-headers')).fakeNextHeaders(request));
 */
export function fakeNextHeaders(request: { address: string; jar: Map<string, string> }) {
  return {
    headers: async () => {
      const h = new Headers({ 'x-forwarded-for': request.address });
      if (request.jar.size) h.set('cookie', [...request.jar].map(([k, v]) => `${k}=${v}`).join('; '));
      return h;
    },
    cookies: async () => ({
      get: (k: string) => (request.jar.has(k) ? { name: k, value: request.jar.get(k)! } : undefined),
      set: (k: string, v: string) => void request.jar.set(k, v),
      delete: (k: string) => void request.jar.delete(k),
    }),
  };
}
