import type { Metadata } from 'next';
import { AdminOrders } from '@/components/admin/orders';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listOrdersForAdmin } from '@/db/queries/orders';
import { adminPageUser } from '@/lib/auth/admin-page';
import { ORDER_STATUSES } from '@/domain/order-state';

export const metadata: Metadata = { title: '订单', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOrdersPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await adminPageUser('/admin/orders'))) return <Forbidden message="只有消费扶贫办公室可以管理订单。" />;
  const raw = (await searchParams).status;
  const status = ORDER_STATUSES.find((s) => s === raw);
  const orders = await listOrdersForAdmin({ status, limit: 200 });
  return (
    <>
      <PageHeading title="订单" />
      <AdminOrders orders={orders} status={status} />
    </>
  );
}
