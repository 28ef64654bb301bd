import type { Metadata } from 'next';
import { CertificationQueue } from '@/components/admin/certifications';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { EXPIRY_DELISTS } from '@/domain/certification';
import { getBooleanSetting } from '@/db/queries/programme';
import { listOverpricedProducts, listPendingCertifications } from '@/db/queries/certifications';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '认定审核', robots: { index: false } };

export default async function AdminCertificationsPage() {
  if (!(await adminPageUser('/admin/certifications'))) return <Forbidden message="只有消费扶贫办公室可以审核认定。" />;
  const [pending, delists, overpriced] = await Promise.all([
    listPendingCertifications(),
    getBooleanSetting({ key: EXPIRY_DELISTS }),
    listOverpricedProducts(),
  ]);
  return (
    <>
      <PageHeading title="认定审核" />
      <CertificationQueue pending={pending} delists={delists} overpriced={overpriced} />
    </>
  );
}
