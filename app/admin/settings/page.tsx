import type { Metadata } from 'next';
import { PayeeSettings } from '@/components/admin/payee-settings';
import { SiteSettings } from '@/components/admin/site-settings';
import { UnionRulesSettings } from '@/components/admin/union-rules';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { adminPageUser } from '@/lib/auth/admin-page';
import { listCategories } from '@/db/queries/facets';
import { chinaYear } from '@/domain/time';
import { getPayee, getSiteContact } from '@/lib/programme/settings';
import { getUnionRules } from '@/lib/programme/union-rules';

export const metadata: Metadata = { title: '站点信息', robots: { index: false } };

export default async function AdminSettingsPage() {
  if (!(await adminPageUser('/admin/settings')))
    return <Forbidden message="只有消费扶贫办公室可以修改站点信息、收款账户和工会经费规则。" />;
  return (
    <>
      <PageHeading title="站点信息" />
      <div className="space-y-6">
        <SiteSettings contact={await getSiteContact()} />
        <PayeeSettings payee={await getPayee()} />
        <UnionRulesSettings rules={await getUnionRules()} year={chinaYear()} categories={await listCategories()} />
      </div>
    </>
  );
}
