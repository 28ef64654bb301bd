import {
  BENEFIT_CHANNEL_LABELS,
  HOUSEHOLD_CATEGORY_LABELS,
  type BenefitChannel,
  type HouseholdCategory,
} from '@/domain/benefit';

/** A register entry at a glance: never the name or ID number, only whether they are on file. */
export function HouseholdSummary({
  h,
}: {
  h: {
    code: string;
    supplierName: string;
    townshipName: string;
    village: string;
    category: HouseholdCategory;
    members: number;
    shares: number;
    channels: BenefitChannel[];
    active: boolean;
    hasName: boolean;
    hasIdNumber: boolean;
    hasConfirmCode: boolean;
  };
}) {
  const row = (dt: string, dd: string) => (
    <div className="flex gap-3 py-1">
      <dt className="w-24 shrink-0 text-neutral-600">{dt}</dt>
      <dd>{dd}</dd>
    </div>
  );
  return (
    <dl className="text-sm">
      {row('供应商', h.supplierName)}
      {row('住址', `${h.townshipName}${h.village}`)}
      {row('类别', HOUSEHOLD_CATEGORY_LABELS[h.category])}
      {row('家庭人口', `${h.members} 人`)}
      {row('带动方式', h.channels.map((c) => BENEFIT_CHANNEL_LABELS[c]).join('、'))}
      {row('分红股数', String(h.shares))}
      {row('状态', h.active ? '在册' : '已退出')}
      {row('身份信息', h.hasName || h.hasIdNumber ? '已登记（加密保存）' : '未登记')}
      {row('确认码', h.hasConfirmCode ? '已由社区（村）委会打印' : '尚未打印')}
    </dl>
  );
}
