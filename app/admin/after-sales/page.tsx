import type { Metadata } from 'next';
import { OfficeCases } from '@/components/after-sales/case-lists';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { officeCases } from '@/lib/after-sales/view';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '售后仲裁', robots: { index: false } };

export default async function AdminAfterSalesPage() {
  if (!(await adminPageUser('/admin/after-sales'))) return <Forbidden message="只有消费扶贫办公室可以处理售后仲裁。" />;
  return (
    <>
      <PageHeading title="售后仲裁" />
      <OfficeCases {...await officeCases()} />
    </>
  );
}
