import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { SupplierLivestreams } from '@/components/workshop/supplier-livestreams';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { listFeaturableProducts, listSupplierLivestreams } from '@/db/queries/livestreams';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '直播管理', robots: { index: false } };

export default async function WorkshopLivestreamsPage() {
  await connection();
  const user = await pageUser('/workshop/livestreams');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const now = new Date();
  const suppliers = await listManagedSuppliers({ supplierIds: user.supplierIds });
  const data = await Promise.all(
    suppliers.map(async (s) => ({
      s,
      streams: await listSupplierLivestreams({ supplierId: s.id }),
      products: await listFeaturableProducts({ supplierId: s.id }),
    })),
  );
  return (
    <>
      <PageHeading title="直播管理" />
      <div className="space-y-6">
        {data.map(({ s, streams, products }) => (
          <SupplierLivestreams key={s.id} supplier={s} streams={streams} products={products} now={now} />
        ))}
      </div>
    </>
  );
}
