import type { Metadata } from 'next';
import { AdminOverview } from '@/components/admin/overview';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listSuppliersForAdmin } from '@/db/queries/suppliers';
import { listUnitsForReview } from '@/db/queries/units';
import { listUsersForAdmin } from '@/lib/accounts/users';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '管理后台', robots: { index: false } };

export default async function AdminPage() {
  if (!(await adminPageUser('/admin'))) return <Forbidden message="只有消费扶贫办公室可以进入管理后台。" />;
  const [units, suppliers, users] = await Promise.all([
    listUnitsForReview(),
    listSuppliersForAdmin(),
    listUsersForAdmin(),
  ]);
  return (
    <>
      <PageHeading title="概览" />
      <AdminOverview
        cards={[
          { href: '/admin/units', label: '待审核单位', value: units.filter((u) => u.status === 'pending').length },
          { href: '/admin/units', label: '已认证单位', value: units.filter((u) => u.status === 'verified').length },
          { href: '/admin/suppliers', label: '供应商', value: suppliers.length },
          { href: '/admin/users', label: '用户', value: users.length },
        ]}
      />
    </>
  );
}
