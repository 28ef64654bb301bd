import type { Metadata } from 'next';
import { SuppliersAdmin } from '@/components/admin/suppliers';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listSuppliersForAdmin } from '@/db/queries/suppliers';
import { listTownships } from '@/db/queries/facets';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '供应商', robots: { index: false } };

export default async function AdminSuppliersPage() {
  if (!(await adminPageUser('/admin/suppliers'))) return <Forbidden message="只有消费扶贫办公室可以管理供应商。" />;
  const [suppliers, townships] = await Promise.all([listSuppliersForAdmin(), listTownships()]);
  return (
    <>
      <PageHeading title="供应商" />
      <SuppliersAdmin suppliers={suppliers} townships={townships} />
    </>
  );
}
