import { FESTIVALS, allowanceFor, windowDays, type UnionRules } from '@/domain/fund-source';
import { formatFen } from '@/domain/money';
import {
  addFestivalWindowAction,
  removeFestivalWindowAction,
  saveUnionAllowanceAction,
} from '@/lib/actions/fund-rules';
import { ActionForm } from '../forms/action-form';
import { ButtonForm } from '../forms/confirm-button-form';
import { yuanInput } from '../forms/fields';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';

/**
 * 工会经费规则: the festival windows (each a named date range the office enters per year, since lunar
 * festivals move), the per-member amount of each year and the categories union money may not buy.
 * 提交采购单 refuses a union order that breaks any of them, naming the rule. Every change is audited.
 */
export function UnionRulesSettings({
  rules,
  year,
  categories,
}: {
  rules: UnionRules;
  year: number;
  categories: { slug: string; name: string }[];
}) {
  const allowance = allowanceFor(rules, year);
  return (
    <Card title="工会经费规则" titleId="union-rules-h">
      <p className="mt-1 text-sm text-neutral-700">
        单位选择“工会经费”提交采购单时，须在下列节日时段内、不超过当年人均标准（本单合计 ÷ 收货人数，无收货人名单时 ÷
        单位成员数，并累计当年此前的工会采购），且不含购物卡、代金券和排除的品类；否则不予提交并说明原因。每次修改都记入操作日志。
      </p>
      <div className="mt-4">
        <DataTable
          caption="节日时段"
          captionHidden={false}
          rows={rules.windows}
          rowKey={(w) => `${w.festival}-${w.from}-${w.to}`}
          empty={<p className="text-sm text-neutral-700">尚未设置节日时段：工会经费采购暂不能提交。请在下面添加。</p>}
          dense
          columns={[
            { header: '节日', cell: (w) => w.festival },
            { header: '开始', cell: (w) => w.from, numeric: true },
            { header: '结束', cell: (w) => w.to, numeric: true },
            { header: '天数', cell: (w) => windowDays(w), numeric: true },
            {
              header: '操作',
              cell: (w) => (
                <ButtonForm
                  action={removeFestivalWindowAction}
                  values={{ festival: w.festival, from: w.from, to: w.to }}
                  label="删除"
                  variant="secondary"
                  accessibleLabel={`删除 ${w.festival} ${w.from} 至 ${w.to}`}
                />
              ),
            },
          ]}
        />
      </div>
      <h3 className="mt-6 font-medium">添加节日时段</h3>
      <ActionForm
        action={addFestivalWindowAction}
        submitLabel="添加节日时段"
        className="mt-2"
        idPrefix="window-"
        fields={[
          {
            name: 'festival',
            label: '节日',
            type: 'select',
            options: FESTIVALS.map((f) => ({ value: f, label: f })),
            wide: true,
          },
          { name: 'from', label: '开始日期', type: 'date' },
          { name: 'to', label: '结束日期', type: 'date', hint: '含当天；春节、端午、中秋等请按当年农历日期填写' },
        ]}
      />
      <h3 className="mt-6 font-medium">人均标准与排除品类</h3>
      <p className="mt-1 text-sm text-neutral-700">
        {rules.allowances.length
          ? `已设：${rules.allowances.map((a) => `${a.year} 年每人 ${formatFen(a.perMemberFen)}`).join('；')}`
          : `尚未设定人均标准：${year} 年工会经费采购暂不能提交。`}
        购物卡、代金券、提货券等始终不得用工会经费采购。
      </p>
      <ActionForm
        action={saveUnionAllowanceAction}
        submitLabel="保存人均标准"
        className="mt-2"
        idPrefix="allowance-"
        fields={[
          { name: 'year', label: '年度', inputMode: 'numeric', defaultValue: String(year) },
          { ...yuanInput('perMember', '每人每年（元）', allowance), hint: '如 500 或 ¥1,000' },
          {
            name: 'excluded',
            label: '排除的品类（工会经费不得采购）',
            type: 'checkboxes',
            options: categories.map((c) => ({ value: c.slug, label: c.name })),
            defaultValue: rules.excludedCategories.join(','),
          },
        ]}
      />
    </Card>
  );
}
