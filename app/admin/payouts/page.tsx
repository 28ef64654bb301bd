import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { PayoutReview } from '@/components/benefit/payout-review';
import { ReviewerAdmin } from '@/components/benefit/reviewer-admin';
import { Notice } from '@/components/ui/notice';
import { PageHeading } from '@/components/ui/page-heading';
import { listBenefitReviewers } from '@/db/queries/benefit-reviewers';
import { listTownships } from '@/db/queries/facets';
import { listSuppliersForAdmin } from '@/db/queries/suppliers';
import { inviteReviewerAction, returnPayoutAction, verifyPayoutAction } from '@/lib/actions/benefit-review';
import { adminPageUser } from '@/lib/auth/admin-page';
import { payoutPage } from '@/lib/benefit/payout-page';
import { cleanInput } from '@/lib/validation/clean-input';
import { payoutFilterSchema } from '@/lib/validation/payout-filter';

export const metadata: Metadata = { title: '带贫发放核实', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPayoutsPage({ searchParams }: Props) {
  await connection();
  if (!(await adminPageUser('/admin/payouts'))) return <Forbidden message="只有消费扶贫办公室可以核实发放记录。" />;
  const parsed = payoutFilterSchema.safeParse(cleanInput(await searchParams));
  if (!parsed.success) return <Notice tone="error">查询参数无效。</Notice>;
  const [page, suppliers, reviewers, townships] = await Promise.all([
    payoutPage(parsed.data, null),
    listSuppliersForAdmin(),
    listBenefitReviewers(),
    listTownships(),
  ]);
  return (
    <div className="space-y-8">
      <PageHeading title="带贫发放核实" />
      <p className="text-sm text-neutral-700">
        供应商记录的每一笔发放，经消费扶贫办公室或受邀的社区（村）核实员核实后才计入成效。核实只确认或退回，不修改金额。
      </p>
      <PayoutReview
        path="/admin/payouts"
        query={parsed.data}
        page={page}
        suppliers={suppliers.map((s) => ({ id: s.id, name: s.name }))}
        actions={{ verify: verifyPayoutAction, return: returnPayoutAction }}
        householdHref={(id) => `/admin/households/${id}`}
      />
      <ReviewerAdmin reviewers={reviewers} townships={townships} invite={inviteReviewerAction} />
    </div>
  );
}
