import type { Metadata } from 'next';
import { PayeeSettings } from '@/components/admin/payee-settings';
import { SiteSettings } from '@/components/admin/site-settings';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { adminPageUser } from '@/lib/auth/admin-page';
import { getPayee, getSiteContact } from '@/lib/programme/settings';

export const metadata: Metadata = { title: '站点信息', robots: { index: false } };

export default async function AdminSettingsPage() {
  if (!(await adminPageUser('/admin/settings')))
    return <Forbidden message="只有消费扶贫办公室可以修改站点信息和收款账户。" />;
  return (
    <>
      <PageHeading title="站点信息" />
      <div className="space-y-6">
        <SiteSettings contact={await getSiteContact()} />
        <PayeeSettings payee={await getPayee()} />
      </div>
    </>
  );
}
