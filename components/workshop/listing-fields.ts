import type { FieldSpec } from '@/components/forms/action-form';
import { AFTER_SALES_CLASSES } from '@/domain/after-sales';
import { fenToYuanText } from '@/domain/money';

const AFTER_SALES_CLASS_OPTION = {
  standard: '支持七天无理由退货',
  perishable: '鲜活易腐',
  custom: '定制商品',
} as const;
import { formatTierText } from '@/domain/tier-pricing';
import type { ListingFields } from '@/lib/listings/products';

const yuan = (fen: number | null | undefined) => (fen ? fenToYuanText(fen) : '');

/** The product editor's fields, shared by 新增商品 and 编辑. */
export function listingFields(categories: { slug: string; name: string }[], p?: ListingFields): FieldSpec[] {
  return [
    {
      name: 'name',
      label: '商品名称',
      defaultValue: p?.name,
      required: true,
      hint: '修改已认定商品的名称或规格，需重新审核',
    },
    { name: 'spec', label: '规格', defaultValue: p?.spec, placeholder: '如 500g/袋、180×60cm', required: true },
    {
      name: 'categorySlug',
      label: '分类',
      type: 'select',
      defaultValue: p?.categorySlug,
      options: [{ value: '', label: '请选择' }, ...categories.map((c) => ({ value: c.slug, label: c.name }))],
    },
    {
      name: 'price',
      label: '售价（元）',
      inputMode: 'decimal',
      defaultValue: yuan(p?.priceFen),
      placeholder: '如 68.00',
      required: true,
    },
    {
      name: 'referencePrice',
      label: '市场参考价（元，可选）',
      inputMode: 'decimal',
      defaultValue: yuan(p?.referencePriceFen),
      hint: '售价高于参考价 30% 以上会提示消费扶贫办公室复核',
    },
    {
      name: 'unitMinQuantity',
      label: '单位起订量',
      inputMode: 'numeric',
      defaultValue: String(p?.unitMinQuantity ?? 1),
    },
    {
      name: 'afterSalesClass',
      label: '售后规则',
      type: 'select',
      defaultValue: p?.afterSalesClass ?? 'standard',
      options: AFTER_SALES_CLASSES.map((c) => ({ value: c, label: AFTER_SALES_CLASS_OPTION[c] })),
      hint: '鲜活易腐或定制商品不支持七天无理由退货，商品页会在购买前说明；质量问题始终可申请售后',
    },
    {
      name: 'tiers',
      label: '单位阶梯价（可选，每行「数量 单价」）',
      type: 'textarea',
      defaultValue: p ? formatTierText(p.tiers) : '',
      placeholder: '10 65.00\n50 60.00',
    },
    {
      name: 'description',
      label: '商品介绍',
      type: 'textarea',
      rows: 6,
      defaultValue: p?.description,
      hint: '纯文本；也可用「## 标题」「- 列表」「**加粗**」',
    },
  ];
}
