import type { Metadata } from 'next';
import { hiddenField } from '@/components/forms/fields';
import { IntentLink } from '@/components/layout/intent-link';
import { Forbidden } from '@/components/auth/forbidden';
import { HouseholdDetail } from '@/components/benefit/household-detail';
import { householdFields } from '@/components/benefit/household-fields';
import { ActionForm } from '@/components/forms/action-form';
import { Card } from '@/components/ui/card';
import { PageHeading } from '@/components/ui/page-heading';
import { listTownships } from '@/db/queries/facets';
import { getHouseholdRecord } from '@/db/queries/households';
import { listPayouts } from '@/db/queries/payouts';
import { updateHouseholdAction } from '@/lib/actions/benefit';
import { pageUser } from '@/lib/auth/page-guard';
import { householdIdField } from '@/lib/validation/benefit';

export const metadata: Metadata = { title: '农户', robots: { index: false } };

type Params = Promise<{ id: string }>;

export default async function HouseholdPage({ params }: { params: Params }) {
  const { id } = await params;
  const user = await pageUser(`/workshop/households/${id}`);
  const parsed = householdIdField.safeParse(id);
  const h = parsed.success ? await getHouseholdRecord({ id: parsed.data }) : null;
  if (!h || !user.supplierIds.includes(h.supplierId))
    return <Forbidden message="农户不存在，或不在您供应商的台账中。" />;
  const [townships, payouts] = await Promise.all([listTownships(), listPayouts({ householdId: h.id, limit: 200 })]);
  return (
    <div className="space-y-4">
      <p>
        <IntentLink
          href="/workshop/households"
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
        >
          ← 农户台账
        </IntentLink>
      </p>
      <PageHeading title={h.code} />
      <HouseholdDetail h={h} payouts={payouts}>
        <Card title="修改登记" titleId="hh-edit">
          <ActionForm
            idPrefix="e-"
            className="mt-2"
            action={updateHouseholdAction}
            submitLabel="保存"
            fields={[
              hiddenField('householdId', String(h.id)),
              ...householdFields(townships, h),
              {
                name: 'active',
                label: '状态',
                type: 'select',
                defaultValue: String(h.active),
                options: [
                  { value: 'true', label: '在册' },
                  { value: 'false', label: '已退出（不再参与新的分红）' },
                ],
              },
              { name: 'clearPersonal', label: '删除已登记的姓名和身份证号', type: 'checkbox' },
            ]}
          />
        </Card>
      </HouseholdDetail>
    </div>
  );
}
