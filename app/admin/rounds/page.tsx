import type { Metadata } from 'next';
import { RoundsAdmin } from '@/components/admin/rounds';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listRounds } from '@/db/queries/programme';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '推介会', robots: { index: false } };

export default async function AdminRoundsPage() {
  if (!(await adminPageUser('/admin/rounds'))) return <Forbidden message="只有消费扶贫办公室可以管理推介会。" />;
  const rounds = await listRounds({ openOnly: false });
  return (
    <>
      <PageHeading title="推介会" />
      <RoundsAdmin rounds={rounds} />
    </>
  );
}
