import type { Metadata } from 'next';
import { UnitReview } from '@/components/admin/units';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listUnitsForReview } from '@/db/queries/units';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '单位审核', robots: { index: false } };

export default async function AdminUnitsPage() {
  if (!(await adminPageUser('/admin/units'))) return <Forbidden message="只有消费扶贫办公室可以审核单位。" />;
  const units = await listUnitsForReview();
  return (
    <>
      <PageHeading title="单位审核" />
      <UnitReview units={units} />
    </>
  );
}
