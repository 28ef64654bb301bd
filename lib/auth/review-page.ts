import 'server-only';
import { getReviewerTownship } from '@/db/queries/benefit-reviewers';
import type { CurrentUser } from '@/db/queries/users';
import { pageUser } from './page-guard';

/**
 * For the reviewers' pages (/review): the programme office (every township) or an invited reviewer
 * (their township); null for anyone else (the page shows 无权访问).
 */
export async function reviewPageUser(path: string): Promise<{ user: CurrentUser; townshipSlug: string | null } | null> {
  const user = await pageUser(path);
  if (user.role === 'admin') return { user, townshipSlug: null };
  const townshipSlug = user.role === 'reviewer' ? await getReviewerTownship({ userId: user.id }) : null;
  return townshipSlug ? { user, townshipSlug } : null;
}
