import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { PayoutReview } from '@/components/benefit/payout-review';
import { Notice } from '@/components/ui/notice';
import { PageHeading } from '@/components/ui/page-heading';
import { returnPayoutAction, verifyPayoutAction } from '@/lib/actions/benefit-review';
import { reviewPageUser } from '@/lib/auth/review-page';
import { payoutPage } from '@/lib/benefit/payout-page';
import { cleanInput } from '@/lib/validation/clean-input';
import { payoutFilterSchema } from '@/lib/validation/payout-filter';

export const metadata: Metadata = { title: '带贫核实', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewPage({ searchParams }: Props) {
  await connection();
  const who = await reviewPageUser('/review');
  if (!who) return <Forbidden message="只有消费扶贫办公室和受邀的核实员可以核实发放记录。" />;
  const parsed = payoutFilterSchema.safeParse(cleanInput(await searchParams));
  if (!parsed.success) return <Notice tone="error">查询参数无效。</Notice>;
  const page = await payoutPage(parsed.data, who.townshipSlug);
  return (
    <div className="space-y-4">
      <PageHeading title="待核实的发放" />
      <p className="text-sm text-neutral-700">
        请对照收款凭证或向农户核对后点“通过”；金额不符、凭证不清的点“驳回”并写明原因，退回供应商更正。
      </p>
      <PayoutReview
        path="/review"
        query={parsed.data}
        page={page}
        actions={{ verify: verifyPayoutAction, return: returnPayoutAction }}
      />
    </div>
  );
}
