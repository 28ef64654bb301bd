import type { Metadata } from 'next';
import { hiddenField } from '@/components/forms/fields';
import { Forbidden } from '@/components/auth/forbidden';
import { DividendStatement } from '@/components/benefit/dividend-statement';
import { ActionForm } from '@/components/forms/action-form';
import { Card } from '@/components/ui/card';
import { Folded } from '@/components/ui/folded';
import { PageHeading } from '@/components/ui/page-heading';
import { listDividendRules } from '@/db/queries/dividends';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { declareDividendRuleAction } from '@/lib/actions/benefit';
import { pageUser } from '@/lib/auth/page-guard';
import { dividendStatement } from '@/lib/benefit/dividends';
import { DIVIDEND_SPLIT_LABELS, DIVIDEND_SPLITS } from '@/domain/dividend';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '收益分红', robots: { index: false } };

export default async function DividendsPage() {
  const user = await pageUser('/workshop/dividends');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const own = await listManagedSuppliers({ supplierIds: user.supplierIds });
  const statements = await Promise.all(
    own.map(async (s) => {
      const rules = await listDividendRules({ supplierId: s.id });
      return (await Promise.all(rules.map((r) => dividendStatement(r.id)))).filter((x) => x !== null);
    }),
  );
  const today = chinaDate();
  return (
    <div className="space-y-6">
      <PageHeading title="收益分红" />
      <p className="text-sm text-neutral-700">
        设立分红规则：按一段时间内本供应商计入目标的销售额（已扣退款）的一定比例，在台账中选择了“收益分红”的在册农户间按户平均或按股数分配。每户应分金额精确到分，合计恰好等于分红总额。
      </p>
      {own.map((s, i) => (
        <Card key={s.id} title={s.name} titleId={`dv-${s.id}`}>
          <Folded summary="设立分红规则…" className="mt-2">
            <ActionForm
              idPrefix={`d${s.id}-`}
              action={declareDividendRuleAction}
              submitLabel="设立规则"
              fields={[
                hiddenField('supplierId', String(s.id)),
                { name: 'title', label: '规则名称', placeholder: `${today.slice(0, 4)} 年上半年分红`, wide: true },
                { name: 'periodFrom', label: '销售起始日期', type: 'date', defaultValue: `${today.slice(0, 4)}-01-01` },
                { name: 'periodTo', label: '销售截止日期', type: 'date', defaultValue: today },
                { name: 'sharePercent', label: '分红比例（%）', inputMode: 'decimal', placeholder: '15' },
                {
                  name: 'split',
                  label: '分配方式',
                  type: 'select',
                  options: DIVIDEND_SPLITS.map((v) => ({ value: v, label: DIVIDEND_SPLIT_LABELS[v] })),
                },
              ]}
            />
          </Folded>
          <div className="mt-4 space-y-6">
            {statements[i]!.length ? (
              statements[i]!.map((st) => (
                <section key={st.rule.id} aria-labelledby={`rule-${st.rule.id}`}>
                  <h3 id={`rule-${st.rule.id}`} className="font-medium">
                    {st.rule.title}
                  </h3>
                  <DividendStatement s={st} />
                </section>
              ))
            ) : (
              <p className="text-sm text-neutral-700">还没有分红规则。</p>
            )}
          </div>
        </Card>
      ))}
    </div>
  );
}
