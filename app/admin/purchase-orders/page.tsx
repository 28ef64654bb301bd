import type { Metadata } from 'next';
import { OfficeApprovals } from '@/components/admin/purchase-orders';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { adminPageUser } from '@/lib/auth/admin-page';
import { officeApprovalQueue } from '@/lib/orders/purchase-orders';

export const metadata: Metadata = { title: '采购单审批', robots: { index: false } };

export default async function AdminPurchaseOrdersPage() {
  if (!(await adminPageUser('/admin/purchase-orders')))
    return <Forbidden message="只有消费扶贫办公室可以审批采购单。" />;
  const rows = await officeApprovalQueue();
  return (
    <>
      <PageHeading title="采购单审批" />
      <OfficeApprovals rows={rows} />
    </>
  );
}
