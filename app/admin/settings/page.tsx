import type { Metadata } from 'next';
import { SiteSettings } from '@/components/admin/site-settings';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { adminPageUser } from '@/lib/auth/admin-page';
import { getSiteContact } from '@/lib/programme/settings';

export const metadata: Metadata = { title: '站点信息', robots: { index: false } };

export default async function AdminSettingsPage() {
  if (!(await adminPageUser('/admin/settings'))) return <Forbidden message="只有消费扶贫办公室可以修改站点信息。" />;
  return (
    <>
      <PageHeading title="站点信息" />
      <SiteSettings contact={await getSiteContact()} />
    </>
  );
}
