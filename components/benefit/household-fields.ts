import type { FieldSpec } from '@/components/forms/action-form';
import type { HouseholdFields } from '@/db/queries/households';
import {
  BENEFIT_CHANNEL_LABELS,
  BENEFIT_CHANNELS,
  HOUSEHOLD_CATEGORIES,
  HOUSEHOLD_CATEGORY_LABELS,
} from '@/domain/benefit';

export type Township = { slug: string; name: string };
export type HouseholdValues = HouseholdFields & { hasName?: boolean; hasIdNumber?: boolean };

/** The register's fields, for 登记农户 and for editing an entry (the name and ID number are never prefilled). */
export function householdFields(townships: Township[], h?: HouseholdValues): FieldSpec[] {
  const keep = (has?: boolean) =>
    has ? '已登记（加密保存）；留空则不变' : '可不填；填写后加密保存，仅本供应商管理员和消费扶贫办公室可查看';
  return [
    {
      name: 'code',
      label: '农户编码',
      placeholder: 'DT-0012',
      defaultValue: h?.code,
      hint: '1–4 个大写字母、短横线、2–6 位数字',
    },
    {
      name: 'townshipSlug',
      label: '乡镇（街道）',
      type: 'select',
      defaultValue: h?.townshipSlug,
      options: townships.map((t) => ({ value: t.slug, label: t.name })),
    },
    { name: 'village', label: '村（社区）', defaultValue: h?.village, placeholder: '幸福社区' },
    {
      name: 'category',
      label: '类别',
      type: 'select',
      defaultValue: h?.category,
      options: HOUSEHOLD_CATEGORIES.map((c) => ({ value: c, label: HOUSEHOLD_CATEGORY_LABELS[c] })),
    },
    { name: 'members', label: '家庭人口', inputMode: 'numeric', defaultValue: String(h?.members ?? '') },
    {
      name: 'shares',
      label: '分红股数',
      inputMode: 'numeric',
      defaultValue: String(h?.shares ?? 1),
      hint: '按股数分红时使用',
    },
    {
      name: 'channels',
      label: '带动方式',
      type: 'checkboxes',
      defaultValue: h?.channels.join(','),
      options: BENEFIT_CHANNELS.map((c) => ({ value: c, label: BENEFIT_CHANNEL_LABELS[c] })),
    },
    { name: 'name', label: '姓名（可选）', autoComplete: 'off', hint: keep(h?.hasName) },
    { name: 'idNumber', label: '身份证号（可选）', autoComplete: 'off', hint: keep(h?.hasIdNumber) },
  ];
}
