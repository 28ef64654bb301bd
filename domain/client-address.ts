/**
 * The client's address, for every per-address limit. It comes from the TCP socket; `X-Forwarded-For`
 * counts only through the configured number of trusted reverse proxies (TRUSTED_PROXY_HOPS, default 0),
 * each of which appends the address it received the request from. Anything a client writes into the
 * header itself sits to the left of those entries and is never used.
 */
export function resolveClientAddress(p: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
}): string {
  const forwarded = (Array.isArray(p.forwardedFor) ? p.forwardedFor.join(',') : (p.forwardedFor ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // Nearest first: the socket, then what each trusted proxy appended, right to left.
  const chain = [p.socketAddress ?? '', ...forwarded.reverse()];
  const hops = Math.max(0, Math.trunc(p.trustedHops));
  // A request with fewer entries than proxies did not come through all of them: use the farthest one seen.
  return normalizeAddress(chain[Math.min(hops, chain.length - 1)] ?? '') || 'unknown';
}

/** `::ffff:203.0.113.7` is the IPv4 address 203.0.113.7; brackets and ports are dropped; nothing else is kept. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.startsWith('::ffff:') && /^\d{1,3}(\.\d{1,3}){3}$/.test(a.slice(7))) a = a.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a) || (/^[0-9a-f:.]+$/.test(a) && a.includes(':'))) return a;
  return '';
}
