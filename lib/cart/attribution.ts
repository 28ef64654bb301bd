import 'server-only';
import { cookies } from 'next/headers';
import { ATTRIBUTION_HOURS } from '@/domain/livestream';

/**
 * 直播带货 attribution: adding a product from a livestream page remembers the stream for 24 hours.
 * The order counts for the stream only if the stream features a product in it (checked in placeOrder).
 */
const COOKIE = 'gj_live';

export async function rememberLivestream(id: number): Promise<void> {
  (await cookies()).set(COOKIE, String(id), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: ATTRIBUTION_HOURS * 3600,
  });
}

export async function attributedLivestream(): Promise<number | null> {
  const raw = (await cookies()).get(COOKIE)?.value ?? '';
  return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}

export async function forgetLivestream(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
