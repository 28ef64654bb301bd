import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { HouseholdSummary } from '@/components/benefit/household-summary';
import { PayoutList } from '@/components/benefit/payout-list';
import { RevealPersonal } from '@/components/benefit/reveal-personal';
import { Card } from '@/components/ui/card';
import { PageHeading } from '@/components/ui/page-heading';
import { getHouseholdRecord } from '@/db/queries/households';
import { listPayouts } from '@/db/queries/payouts';
import { revealHouseholdAction } from '@/lib/actions/benefit';
import { adminPageUser } from '@/lib/auth/admin-page';
import { householdIdField } from '@/lib/validation/benefit';

export const metadata: Metadata = { title: '农户', robots: { index: false } };

type Params = Promise<{ id: string }>;

export default async function AdminHouseholdPage({ params }: { params: Params }) {
  await connection();
  const { id } = await params;
  if (!(await adminPageUser(`/admin/households/${id}`))) return <Forbidden message="只有消费扶贫办公室可以查看。" />;
  const parsed = householdIdField.safeParse(id);
  const h = parsed.success ? await getHouseholdRecord({ id: parsed.data }) : null;
  if (!h) return <Forbidden message="农户不存在。" />;
  const payouts = await listPayouts({ householdId: h.id, limit: 200 });
  return (
    <div className="space-y-4">
      <PageHeading title={`农户 ${h.code}`} />
      <Card title="登记信息" titleId="hh">
        <div className="mt-2">
          <HouseholdSummary h={h} />
        </div>
        <div className="mt-3">
          <RevealPersonal action={revealHouseholdAction} householdId={h.id} code={h.code} />
        </div>
      </Card>
      <Card title="发放记录" titleId="hh-payouts">
        <PayoutList rows={payouts} mode="view" empty="这一户还没有发放记录。" />
      </Card>
    </div>
  );
}
