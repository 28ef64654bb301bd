import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { SupplierHome } from '@/components/workshop/supplier-home';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { listSupplierOrders } from '@/lib/orders/shipping';
import { getSupplierDashboard } from '@/db/queries/listings';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '车间/合作社', robots: { index: false } };

export default async function WorkshopPage() {
  const user = await pageUser('/workshop');
  if (!user.supplierIds.length)
    return <Forbidden message="您的账号不是任何供应商的管理员。供应商管理员由消费扶贫办公室邀请。" />;
  const suppliers = await listManagedSuppliers({ supplierIds: user.supplierIds });
  const details = await Promise.all(
    suppliers.map(async (s) => ({
      supplier: s,
      orders: await listSupplierOrders({ supplierId: s.id, limit: 100 }),
      dashboard: await getSupplierDashboard({ supplierId: s.id }),
    })),
  );
  return (
    <>
      <PageHeading title="车间/合作社" />
      <div className="space-y-6">
        {details.map((d) => (
          <SupplierHome key={d.supplier.id} {...d} />
        ))}
      </div>
    </>
  );
}
