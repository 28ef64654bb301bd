import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { UnmatchedPayments } from '@/components/admin/unmatched-payments';
import { Forbidden } from '@/components/auth/forbidden';
import { listUnmatched } from '@/db/queries/payments';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '待处理款项', robots: { index: false } };

export default function UnmatchedPaymentsPage() {
  return (
    <AdminShell title="待处理款项">
      <Unmatched />
    </AdminShell>
  );
}

async function Unmatched() {
  if (!(await adminPageUser('/admin/payments/unmatched')))
    return <Forbidden message="只有消费扶贫办公室可以处理款项。" />;
  return <UnmatchedPayments rows={await listUnmatched({ limit: 500 })} />;
}
