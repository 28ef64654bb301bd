import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { benefitReviewers, townships, users } from '../schema';

/** 核实员 (issue 17): invited by the programme office, each scoped to one township. */

export async function insertBenefitReviewer(values: { userId: string; townshipSlug: string }, tx: Executor) {
  await tx.insert(benefitReviewers).values(values);
}

/** The township a reviewer verifies payouts in; null for anyone who is not a reviewer. */
export async function getReviewerTownship({ userId }: { userId: string }): Promise<string | null> {
  const [r] = await getDb()
    .select({ townshipSlug: benefitReviewers.townshipSlug })
    .from(benefitReviewers)
    .where(eq(benefitReviewers.userId, userId));
  return r?.townshipSlug ?? null;
}

export async function listBenefitReviewers() {
  return getDb()
    .select({
      userId: users.id,
      name: users.name,
      active: users.active,
      townshipName: townships.name,
      createdAt: benefitReviewers.createdAt,
    })
    .from(benefitReviewers)
    .innerJoin(users, eq(users.id, benefitReviewers.userId))
    .innerJoin(townships, eq(townships.slug, benefitReviewers.townshipSlug))
    .orderBy(asc(townships.sortOrder), asc(users.name));
}
