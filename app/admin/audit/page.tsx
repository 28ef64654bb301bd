import type { Metadata } from 'next';
import { AuditLog } from '@/components/admin/audit-log';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { listAuditLog } from '@/db/queries/audit';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '操作日志', robots: { index: false } };

export default async function AdminAuditPage() {
  if (!(await adminPageUser('/admin/audit'))) return <Forbidden message="只有消费扶贫办公室可以查看操作日志。" />;
  const rows = await listAuditLog({ limit: 300 });
  return (
    <>
      <PageHeading title="操作日志" />
      <AuditLog rows={rows} />
    </>
  );
}
