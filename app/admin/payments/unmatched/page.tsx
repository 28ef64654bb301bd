import type { Metadata } from 'next';
import { UnmatchedPayments } from '@/components/admin/unmatched-payments';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listUnmatched } from '@/db/queries/payments';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '待处理款项', robots: { index: false } };

export default async function UnmatchedPaymentsPage() {
  if (!(await adminPageUser('/admin/payments/unmatched')))
    return <Forbidden message="只有消费扶贫办公室可以处理款项。" />;
  return (
    <>
      <PageHeading title="待处理款项" />
      <UnmatchedPayments rows={await listUnmatched({ limit: 500 })} />
    </>
  );
}
