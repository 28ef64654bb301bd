import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ImpactDashboard } from '@/components/admin/impact-dashboard';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { getImpact } from '@/db/queries/impact';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '成效看板', robots: { index: false } };

export default async function AdminImpactPage() {
  await connection();
  if (!(await adminPageUser('/admin/impact'))) return <Forbidden message="只有消费扶贫办公室可以查看成效看板。" />;
  const impact = await getImpact({ withUnits: true });
  return (
    <>
      <PageHeading title="成效看板" />
      <ImpactDashboard impact={impact} updatedAt={new Date()} />
    </>
  );
}
