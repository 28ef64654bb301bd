import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PayoutForms } from '@/components/benefit/payout-forms';
import { PayoutList } from '@/components/benefit/payout-list';
import { Card } from '@/components/ui/card';
import { PageHeading } from '@/components/ui/page-heading';
import { listDividendRules } from '@/db/queries/dividends';
import { listSupplierHouseholds } from '@/db/queries/households';
import { listSupplierProducts } from '@/db/queries/listings';
import { listPayouts } from '@/db/queries/payouts';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { confirmPayoutAction, recordPayoutAction, voidPayoutAction } from '@/lib/actions/benefit';
import { pageUser } from '@/lib/auth/page-guard';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '收益发放', robots: { index: false } };

export default async function PayoutsPage() {
  const user = await pageUser('/workshop/payouts');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const own = await listManagedSuppliers({ supplierIds: user.supplierIds });
  const data = await Promise.all(
    own.map(async (s) => {
      const [households, products, rules, payouts] = await Promise.all([
        listSupplierHouseholds({ supplierId: s.id }),
        listSupplierProducts({ supplierId: s.id }),
        listDividendRules({ supplierId: s.id }),
        listPayouts({ supplierId: s.id, limit: 100 }),
      ]);
      return { households, products, rules, payouts };
    }),
  );
  const today = chinaDate();
  return (
    <div className="space-y-6">
      <PageHeading title="收益发放" />
      <p className="text-sm text-neutral-700">
        记录付给农户和工人的每一笔钱。现金发放须农户确认（社区委会打印的确认码，或另一位管理员签认）；消费扶贫办公室或核实员核实后，才计入“消费扶贫成效”。
      </p>
      {own.map((s, i) => {
        const d = data[i]!;
        return (
          <div key={s.id} className="space-y-4">
            <Card title={`${s.name}：记录发放`} titleId={`po-new-${s.id}`}>
              <div className="mt-2">
                <PayoutForms
                  supplierId={s.id}
                  action={recordPayoutAction}
                  today={today}
                  households={d.households
                    .filter((h) => h.active)
                    .map((h) => ({ value: String(h.id), label: `${h.code} · ${h.village}` }))}
                  products={d.products.map((p) => ({ value: String(p.id), label: `${p.name}（${p.spec}）` }))}
                  rules={d.rules.map((r) => ({ value: String(r.id), label: r.title }))}
                />
              </div>
            </Card>
            <Card title="最近的发放记录" titleId={`po-list-${s.id}`}>
              <PayoutList
                rows={d.payouts}
                mode="manager"
                actions={{ confirm: confirmPayoutAction, void: voidPayoutAction }}
                householdHref={(id) => `/workshop/households/${id}`}
                empty="还没有发放记录。用上面的表单记录第一笔。"
              />
            </Card>
          </div>
        );
      })}
    </div>
  );
}
