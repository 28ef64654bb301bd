import type { Metadata } from 'next';
import { SupplierCases } from '@/components/after-sales/case-lists';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { supplierCases } from '@/lib/after-sales/view';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '售后', robots: { index: false } };

export default async function WorkshopAfterSalesPage() {
  const user = await pageUser('/workshop/after-sales');
  if (!user.supplierIds.length)
    return <Forbidden message="您的账号不是任何供应商的管理员。供应商管理员由消费扶贫办公室邀请。" />;
  const cases = (await Promise.all(user.supplierIds.map((id) => supplierCases(id)))).flat();
  return (
    <>
      <PageHeading title="售后" />
      <p className="mb-4 text-sm text-neutral-700">
        请在 48 小时内同意或拒绝；拒绝或逾期的申请由消费帮扶办公室处理。同意退货退款后，买家按您的地址寄回。
      </p>
      <SupplierCases cases={cases} />
    </>
  );
}
