import { IntentLink } from '@/components/layout/intent-link';
import {
  BENEFIT_CHANNEL_LABELS,
  HOUSEHOLD_CATEGORY_LABELS,
  type BenefitChannel,
  type HouseholdCategory,
} from '@/domain/benefit';
import { DataTable } from '../ui/data-table';

export type HouseholdRow = {
  id: number;
  code: string;
  townshipName: string;
  village: string;
  category: HouseholdCategory;
  members: number;
  channels: BenefitChannel[];
  active: boolean;
};

/** A supplier's register: codes only, never names. Each code opens the entry. */
export function HouseholdList({ rows, hrefOf }: { rows: HouseholdRow[]; hrefOf: (id: number) => string }) {
  return (
    <DataTable
      caption="农户台账"
      rows={rows}
      rowKey={(h) => h.id}
      rowClass={(h) => (h.active ? '' : 'text-neutral-500')}
      empty="还没有登记农户。用上面的表单登记第一户：编码、村（社区）、类别和带动方式。"
      dense
      columns={[
        {
          header: '编码',
          cell: (h) => (
            <IntentLink
              href={hrefOf(h.id)}
              className="inline-flex min-h-11 items-center font-medium whitespace-nowrap text-brand-700 tabular underline underline-offset-2"
            >
              {h.code}
            </IntentLink>
          ),
        },
        {
          header: '住址 · 类别 · 人口 · 带动方式',
          cell: (h) => (
            <>
              {h.townshipName}
              {h.village}
              {h.active ? '' : '（已退出）'} · {HOUSEHOLD_CATEGORY_LABELS[h.category]} · {h.members} 人 ·{' '}
              {h.channels.map((c) => BENEFIT_CHANNEL_LABELS[c]).join('、')}
            </>
          ),
        },
      ]}
    />
  );
}
