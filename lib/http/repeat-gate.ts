/**
 * "Asked before?" for keys that are cheap to serve once kept but dear to keep: the first ask of a key is
 * served the ordinary way, a second one within `windowMs` may be kept (as a CDN's minimum uses before
 * caching). It remembers the `max` keys asked most recently, so it is bounded whatever clients send.
 */
export function repeatGate({
  max,
  windowMs,
  now = Date.now,
}: {
  max: number;
  windowMs: number;
  now?: () => number;
}): (key: string) => boolean {
  const lastAsked = new Map<string, number>();
  return (key) => {
    const t = now();
    const before = lastAsked.get(key);
    // Re-inserted, so the Map's order is the order of last asks and its first key the oldest.
    lastAsked.delete(key);
    lastAsked.set(key, t);
    for (const oldest of lastAsked.keys()) {
      if (lastAsked.size <= max) break;
      lastAsked.delete(oldest);
    }
    return before !== undefined && t - before <= windowMs;
  };
}
