import 'server-only';
import { getReviewerTownship } from '@/db/queries/benefit-reviewers';
import { getHouseholdRecord } from '@/db/queries/households';
import { getProductSupplierId } from '@/db/queries/listings';
import { getPayoutRecord } from '@/db/queries/payouts';
import { getLivestreamSupplierId } from '@/db/queries/livestreams';
import { loadCurrentUser, type CurrentUser } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { getSessionUserId } from './session';

/**
 * The one guard module. Every server action, route handler and API route calls one of these itself.
 * The user's role, memberships and active flag are re-read from the database on every call, so a
 * deactivation or role change takes effect at once, even while an old JWT is still valid. A refusal is an
 * AppError ('unauthorized' or 'forbidden'), which the action and route wrappers answer.
 */

export async function optionalUser(): Promise<CurrentUser | null> {
  const id = await getSessionUserId();
  if (!id) return null;
  const user = await loadCurrentUser({ id });
  return user?.active ? user : null;
}

export async function requireUser(): Promise<CurrentUser> {
  const id = await getSessionUserId();
  if (!id) throw new AppError('unauthorized');
  const user = await loadCurrentUser({ id });
  if (!user) throw new AppError('unauthorized');
  if (!user.active) throw new AppError('forbidden', '该账号已停用，请联系个旧市消费扶贫办公室');
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (user.role !== 'admin') throw new AppError('forbidden', '只有消费扶贫办公室可以进行此操作');
  return user;
}

/** A member of this unit with one of the given roles. The unit must be verified unless allowPending. */
export async function requireUnitMember(
  unitId: string,
  roles: ('buyer' | 'approver')[] = ['buyer', 'approver'],
  { allowPending = false }: { allowPending?: boolean } = {},
): Promise<CurrentUser> {
  const user = await requireUser();
  const m = user.unitMemberships.find((x) => x.unitId === unitId);
  if (!m || !(roles as string[]).includes(m.role)) throw new AppError('forbidden', '您不是该单位的相应成员');
  if (!allowPending && m.unitStatus !== 'verified') throw new AppError('forbidden', '单位尚未通过审核');
  return user;
}

/** One of this unit's administrators (they manage members, also while the unit is pending). */
export async function requireUnitAdmin(unitId: string): Promise<CurrentUser> {
  const user = await requireUser();
  const m = user.unitMemberships.find((x) => x.unitId === unitId);
  if (!m?.isAdmin) throw new AppError('forbidden', '只有本单位管理员可以管理成员');
  return user;
}

export async function requireSupplierMember(supplierId: number): Promise<CurrentUser> {
  const user = await requireUser();
  if (!user.supplierIds.includes(supplierId)) throw new AppError('forbidden', '您只能管理自己所在的供应商');
  return user;
}

/** A manager of the supplier that owns this product. Unknown products are refused the same way. */
export async function requireProductManager(productId: number): Promise<{ user: CurrentUser; supplierId: number }> {
  const user = await requireUser();
  const supplierId = await getProductSupplierId({ productId });
  if (supplierId === null || !user.supplierIds.includes(supplierId))
    throw new AppError('forbidden', '您只能管理自己供应商的商品');
  return { user, supplierId };
}

/** A manager of the supplier that runs this livestream. */
export async function requireLivestreamManager(
  livestreamId: number,
): Promise<{ user: CurrentUser; supplierId: number }> {
  const user = await requireUser();
  const supplierId = await getLivestreamSupplierId({ id: livestreamId });
  if (supplierId === null || !user.supplierIds.includes(supplierId))
    throw new AppError('forbidden', '您只能管理自己供应商的直播');
  return { user, supplierId };
}

// ── 带贫成效 (issue 17): households, payouts and their reviewers ──────────────────────────────────

/** A manager of the supplier whose register holds this household. Unknown households are refused the same way. */
export async function requireHouseholdManager(householdId: number): Promise<{ user: CurrentUser; supplierId: number }> {
  const user = await requireUser();
  const h = await getHouseholdRecord({ id: householdId });
  if (!h || !user.supplierIds.includes(h.supplierId)) throw new AppError('forbidden', '您只能管理自己供应商的带贫户');
  return { user, supplierId: h.supplierId };
}

/** Who may see a household's name and ID number: its supplier's managers and the programme office. */
export async function requireHouseholdViewer(householdId: number): Promise<CurrentUser> {
  const user = await requireUser();
  const h = await getHouseholdRecord({ id: householdId });
  if (!h || (user.role !== 'admin' && !user.supplierIds.includes(h.supplierId)))
    throw new AppError('forbidden', '只有该供应商的管理员和消费扶贫办公室可以查看');
  return user;
}

/** A manager of the supplier that recorded this payout. */
export async function requirePayoutManager(payoutId: number): Promise<{ user: CurrentUser; supplierId: number }> {
  const user = await requireUser();
  const p = await getPayoutRecord({ id: payoutId });
  if (!p || !user.supplierIds.includes(p.supplierId)) throw new AppError('forbidden', '您只能管理自己供应商的发放记录');
  return { user, supplierId: p.supplierId };
}

/** The programme office (every township) or an invited reviewer (their own township only). */
export async function requireReviewer(): Promise<{ user: CurrentUser; townshipSlug: string | null }> {
  const user = await requireUser();
  if (user.role === 'admin') return { user, townshipSlug: null };
  const townshipSlug = user.role === 'reviewer' ? await getReviewerTownship({ userId: user.id }) : null;
  if (!townshipSlug) throw new AppError('forbidden', '只有消费扶贫办公室和受邀的核实员可以核实发放记录');
  return { user, townshipSlug };
}

/** Who may verify or return this payout: the office, or the reviewer of its household's township. */
export async function requirePayoutReviewer(payoutId: number): Promise<CurrentUser> {
  const { user, townshipSlug } = await requireReviewer();
  const p = await getPayoutRecord({ id: payoutId });
  if (!p || (townshipSlug !== null && p.townshipSlug !== townshipSlug))
    throw new AppError('forbidden', '您只能核实本乡镇（街道）农户的发放记录');
  return user;
}
