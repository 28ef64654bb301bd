import type { Metadata } from 'next';
import { PledgesAdmin } from '@/components/admin/pledges';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listPledgeProgress } from '@/db/queries/programme';
import { adminPageUser } from '@/lib/auth/admin-page';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '认购目标', robots: { index: false } };

export default async function AdminPledgesPage() {
  if (!(await adminPageUser('/admin/pledges'))) return <Forbidden message="只有消费扶贫办公室可以查看认购目标。" />;
  const year = Number(chinaDate().slice(0, 4));
  const rows = await listPledgeProgress({ year });
  return (
    <>
      <PageHeading title="认购目标" />
      <PledgesAdmin rows={rows} year={year} />
    </>
  );
}
