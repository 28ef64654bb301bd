import type { Metadata } from 'next';
import { hiddenField } from '@/components/forms/fields';
import { Forbidden } from '@/components/auth/forbidden';
import { householdFields } from '@/components/benefit/household-fields';
import { HouseholdList } from '@/components/benefit/household-list';
import { ActionForm } from '@/components/forms/action-form';
import { Card } from '@/components/ui/card';
import { Folded } from '@/components/ui/folded';
import { PageHeading } from '@/components/ui/page-heading';
import { listTownships } from '@/db/queries/facets';
import { listSupplierHouseholds } from '@/db/queries/households';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { registerHouseholdAction } from '@/lib/actions/benefit';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '农户台账', robots: { index: false } };

export default async function HouseholdsPage() {
  const user = await pageUser('/workshop/households');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const [townships, own] = await Promise.all([
    listTownships(),
    listManagedSuppliers({ supplierIds: user.supplierIds }),
  ]);
  const registers = await Promise.all(own.map((s) => listSupplierHouseholds({ supplierId: s.id })));
  return (
    <div className="space-y-6">
      <PageHeading title="农户台账" />
      <p className="text-sm text-neutral-700">
        登记本供应商带动的农户和工人：用编码代替姓名。姓名、身份证号可不填；填写后加密保存，只有本供应商管理员和消费扶贫办公室可以查看，每次查看都记入操作日志。
      </p>
      {own.map((s, i) => (
        <Card key={s.id} title={s.name} titleId={`hh-${s.id}`}>
          <p className="mt-1 text-sm text-neutral-700">
            在册 {registers[i]!.filter((h) => h.active).length} 户 · 共登记 {registers[i]!.length} 户
          </p>
          <Folded summary="登记农户…" className="mt-2">
            <ActionForm
              idPrefix={`r${s.id}-`}
              action={registerHouseholdAction}
              submitLabel="登记"
              fields={[hiddenField('supplierId', String(s.id)), ...householdFields(townships)]}
            />
          </Folded>
          <div className="mt-3">
            <HouseholdList rows={registers[i]!} hrefOf={(id) => `/workshop/households/${id}`} />
          </div>
        </Card>
      ))}
    </div>
  );
}
