import {
  BENEFIT_CHANNEL_LABELS,
  HOUSEHOLD_CATEGORY_LABELS,
  type BenefitChannel,
  type HouseholdCategory,
} from '@/domain/benefit';
import type { ReactNode } from 'react';
import { revealHouseholdAction } from '@/lib/actions/benefit';
import { Card } from '../ui/card';
import { PayoutList, type PayoutRow } from './payout-list';
import { RevealPersonal } from './reveal-personal';

type Household = {
  id: number;
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

/** A register entry at a glance: never the name or ID number, only whether they are on file. */
function HouseholdSummary({ h }: { h: Household }) {
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

/**
 * One household for its supplier's managers (with their edit form as `children`) and the office: the
 * entry, 查看身份信息 (audited), and its payouts.
 */
export function HouseholdDetail({
  h,
  payouts,
  children,
}: {
  h: Household;
  payouts: PayoutRow[];
  children?: ReactNode;
}) {
  return (
    <>
      <Card title="登记信息" titleId="hh-info">
        <div className="mt-2">
          <HouseholdSummary h={h} />
        </div>
        <div className="mt-3">
          <RevealPersonal action={revealHouseholdAction} householdId={h.id} code={h.code} />
        </div>
      </Card>
      {children}
      <Card title="发放记录" titleId="hh-payouts">
        <PayoutList rows={payouts} mode="view" empty="这一户还没有发放记录。" />
      </Card>
    </>
  );
}
