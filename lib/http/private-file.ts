import type { CurrentUser } from '@/db/queries/users';
import { optionalUser } from '@/lib/auth/guards';

/** The answer for a file that does not exist and for one the user may not see alike. */
export const fileNotFound = () => new Response('文件不存在', { status: 404 });

/**
 * The numeric id in a private file's path and the signed-in user, or the response to give instead: 404
 * for an id that cannot exist, 401 without a session.
 */
export async function fileRequest(
  params: Promise<{ id: string }>,
): Promise<{ id: number; user: CurrentUser } | Response> {
  const { id } = await params;
  if (!/^[1-9][0-9]{0,8}$/.test(id)) return fileNotFound();
  const user = await optionalUser();
  if (!user) return new Response('请先登录', { status: 401 });
  return { id: Number(id), user };
}

/**
 * A stored file for the few who may see it: never kept by a shared cache, never sniffed, and under a
 * sandboxing CSP that the page headers do not replace (next.config.mjs).
 */
export function privateFile(bytes: Uint8Array, contentType: string, disposition: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': disposition,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
