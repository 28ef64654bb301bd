import type { FieldSpec } from '@/components/forms/action-form';
import { hiddenField } from '../forms/fields';
import { PAYOUT_KIND_LABELS, PAYOUT_METHOD_LABELS, PAYOUT_METHODS, PAYOUT_QUANTITY_UNITS } from '@/domain/benefit';
import type { ActionResult } from '@/lib/actions/safe-action';
import { ActionForm } from '../forms/action-form';
import { Folded } from '../ui/folded';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
type Option = { value: string; label: string };

/**
 * 记录发放, one folded form per kind so that a phone shows only the fields that kind needs: 计件工资
 * (product, pieces, rate per piece, optionally the sold order), 务工工资 (days × day rate), 保底收购溢价
 * (kg × premium per kg) and 分红 (a rule and the amount, at most what is still due).
 */
export function PayoutForms({
  supplierId,
  action,
  households,
  products,
  rules,
  today,
}: {
  supplierId: number;
  action: Action;
  households: Option[];
  products: Option[];
  rules: Option[];
  today: string;
}) {
  if (!households.length)
    return <p className="text-sm text-neutral-700">台账中还没有在册农户。请先在“农户台账”登记，再记录发放。</p>;
  const common = (kind: string): FieldSpec[] => [
    hiddenField('supplierId', String(supplierId)),
    hiddenField('kind', kind),
    { name: 'householdId', label: '农户', type: 'select', options: households },
    { name: 'paidOn', label: '发放日期', type: 'date', defaultValue: today },
  ];
  const tail: FieldSpec[] = [
    {
      name: 'method',
      label: '发放方式',
      type: 'select',
      options: PAYOUT_METHODS.map((m) => ({ value: m, label: PAYOUT_METHOD_LABELS[m] })),
    },
    {
      name: 'confirmCode',
      label: '农户确认码（现金发放时填写）',
      inputMode: 'numeric',
      autoComplete: 'off',
      hint: '社区（村）委会打印给农户的 8 位数字；不填则等待第二位管理员签认',
    },
    {
      name: 'receipt',
      label: '收款凭证（图片，可选，最大 5 MB）',
      type: 'file',
      accept: 'image/jpeg,image/png,image/webp',
    },
    { name: 'note', label: '备注（可选）' },
  ];
  const qty = (kind: keyof typeof PAYOUT_QUANTITY_UNITS, rateLabel: string): FieldSpec[] => [
    { name: 'quantity', label: `数量（${PAYOUT_QUANTITY_UNITS[kind]}）`, inputMode: 'decimal' },
    { name: 'unitRate', label: rateLabel, inputMode: 'decimal' },
  ];
  const forms: { kind: string; fields: FieldSpec[] }[] = [
    {
      kind: 'piece_rate',
      fields: [
        ...common('piece_rate'),
        { name: 'productId', label: '所做商品', type: 'select', options: products },
        ...qty('piece_rate', '每件工价（元）'),
        {
          name: 'orderNo',
          label: '对应订单号（可选）',
          placeholder: 'GJ20261201-000123',
          hint: '为已售订单制作时填写',
        },
        ...tail,
      ],
    },
    { kind: 'day_wage', fields: [...common('day_wage'), ...qty('day_wage', '日工资（元）'), ...tail] },
    {
      kind: 'purchase_premium',
      fields: [...common('purchase_premium'), ...qty('purchase_premium', '每千克高于市场价（元）'), ...tail],
    },
  ];
  if (rules.length)
    forms.push({
      kind: 'dividend',
      fields: [
        ...common('dividend'),
        { name: 'dividendRuleId', label: '分红规则', type: 'select', options: rules },
        { name: 'amount', label: '分红金额（元）', inputMode: 'decimal', hint: '不超过该户应分未发的金额' },
        ...tail,
      ],
    });
  return (
    <div className="divide-y divide-neutral-100">
      {forms.map((f) => (
        <Folded
          key={f.kind}
          summary={`记录${PAYOUT_KIND_LABELS[f.kind as keyof typeof PAYOUT_KIND_LABELS]}…`}
          className="py-1"
        >
          <ActionForm idPrefix={`${supplierId}-${f.kind}-`} action={action} submitLabel="记录发放" fields={f.fields} />
        </Folded>
      ))}
    </div>
  );
}
