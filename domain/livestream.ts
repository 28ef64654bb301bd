/**
 * Livestream links. A stream link is always shown as an https link; it is embedded in a frame only
 * when its host is on the allow-list of players that permit embedding. Anything that is not a plain
 * https URL (javascript:, data:, http:, credentials in the URL) is refused when it is saved.
 */
export const EMBED_HOSTS = ['player.bilibili.com', 'player.youku.com', 'v.qq.com'] as const;

export type StreamLink = { ok: true; url: string; embed: boolean } | { ok: false; error: string };

export function parseStreamUrl(input: string): StreamLink {
  const raw = input.trim();
  if (!raw) return { ok: false, error: '请填写直播链接' };
  if (raw.length > 500) return { ok: false, error: '直播链接太长' };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, error: '直播链接格式不正确，应以 https:// 开头' };
  }
  if (u.protocol !== 'https:') return { ok: false, error: '直播链接必须以 https:// 开头' };
  if (u.username || u.password) return { ok: false, error: '直播链接不能包含账号或密码' };
  if (!u.hostname.includes('.')) return { ok: false, error: '直播链接的域名不正确' };
  return { ok: true, url: u.toString(), embed: isEmbeddable(u.toString()) };
}

/** Whether a saved link may be framed: https on an allow-listed host, exactly. */
export function isEmbeddable(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (EMBED_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

/** Also the database enum 'livestream_status' (append only). */
export const LIVESTREAM_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type LivestreamStatus = (typeof LIVESTREAM_STATUSES)[number];
export type LivestreamPhase = 'live' | 'upcoming' | 'past' | 'cancelled';

/**
 * Where a session belongs on /livestreams. A manager starts and ends a session; one never started
 * counts as upcoming until 6 hours after its time, then as past.
 */
export function livestreamPhase(status: LivestreamStatus, startsAt: Date, now: Date): LivestreamPhase {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'live') return 'live';
  if (status === 'ended') return 'past';
  return now.getTime() - startsAt.getTime() > 6 * 3600_000 ? 'past' : 'upcoming';
}

/** Which manager transitions are allowed from a status. */
export function canTransition(from: LivestreamStatus, to: LivestreamStatus): boolean {
  const allowed: Record<LivestreamStatus, LivestreamStatus[]> = {
    scheduled: ['live', 'cancelled'],
    live: ['ended'],
    ended: [],
    cancelled: [],
  };
  return allowed[from].includes(to);
}

/** Orders placed within this long of adding a product from a livestream page are attributed to it. */
export const ATTRIBUTION_HOURS = 24;
