/**
 * The client's address for rate limiting. Next sets X-Forwarded-For to the socket address when the
 * request has none; behind a reverse proxy, the proxy must overwrite the header (README: deployment).
 */
export function clientAddress(headers: Headers): string {
  const xff = headers.get('x-forwarded-for');
  const first = xff?.split(',')[0]?.trim();
  return first || headers.get('x-real-ip') || 'unknown';
}
