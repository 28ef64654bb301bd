import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ImpactDashboard } from '@/components/admin/impact-dashboard';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { getYearBenefitFigures } from '@/db/queries/benefit-figures';
import { getImpact } from '@/db/queries/impact';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '成效看板', robots: { index: false } };

export default async function AdminImpactPage() {
  await connection();
  if (!(await adminPageUser('/admin/impact'))) return <Forbidden message="只有消费扶贫办公室可以查看成效看板。" />;
  const impact = await getImpact({ withUnits: true });
  const benefit = await getYearBenefitFigures({ year: impact.year });
  return (
    <>
      <PageHeading title="成效看板" />
      <ImpactDashboard impact={impact} benefit={benefit} updatedAt={new Date()} />
    </>
  );
}
