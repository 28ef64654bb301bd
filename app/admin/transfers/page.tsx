import type { Metadata } from 'next';
import { TransfersAwaiting } from '@/components/admin/transfers';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listTransfersAwaiting } from '@/db/queries/unit-orders';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '对公转账', robots: { index: false } };

export default async function AdminTransfersPage() {
  if (!(await adminPageUser('/admin/transfers'))) return <Forbidden message="只有消费扶贫办公室可以确认到账。" />;
  const rows = await listTransfersAwaiting();
  return (
    <>
      <PageHeading title="对公转账" />
      <TransfersAwaiting rows={rows} now={Date.now()} />
    </>
  );
}
