import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { SupplierProducts } from '@/components/workshop/supplier-products';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { listSupplierProducts } from '@/db/queries/listings';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '商品管理', robots: { index: false } };

export default async function WorkshopProductsPage() {
  const user = await pageUser('/workshop/products');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const suppliers = await listManagedSuppliers({ supplierIds: user.supplierIds });
  const lists = await Promise.all(suppliers.map((s) => listSupplierProducts({ supplierId: s.id })));
  return (
    <>
      <PageHeading title="商品管理" />
      <div className="space-y-6">
        {suppliers.map((s, i) => (
          <SupplierProducts key={s.id} supplier={s} products={lists[i]!} />
        ))}
      </div>
    </>
  );
}
