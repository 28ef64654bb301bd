import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { HouseholdDetail } from '@/components/benefit/household-detail';
import { PageHeading } from '@/components/ui/page-heading';
import { getHouseholdRecord } from '@/db/queries/households';
import { listPayouts } from '@/db/queries/payouts';
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
      <HouseholdDetail h={h} payouts={payouts} />
    </div>
  );
}
