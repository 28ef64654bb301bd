import type { Metadata } from 'next';
import { UsersAdmin } from '@/components/admin/users';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listUsersForAdmin } from '@/lib/accounts/users';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '用户', robots: { index: false } };

export default async function AdminUsersPage() {
  const admin = await adminPageUser('/admin/users');
  if (!admin) return <Forbidden message="只有消费扶贫办公室可以管理用户。" />;
  const users = await listUsersForAdmin();
  return (
    <>
      <PageHeading title="用户" />
      <UsersAdmin users={users} me={admin.id} />
    </>
  );
}
