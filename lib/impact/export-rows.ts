import type { Group, Impact } from '@/db/queries/impact';
import { money, type XlsxCell } from '@/lib/bulk/xlsx-export';
import { CHANNEL_LABELS } from '@/domain/target-accounting';

/**
 * The dashboard as one table for Excel and CSV: the total first, then every breakdown. Amounts are
 * given in yuan and in fen (integers), so a spreadsheet total can be checked against the page to the fen.
 */
export const EXPORT_HEADERS = [
  '维度',
  '名称',
  '计入目标（元）',
  '计入目标（分）',
  '未认定（元）',
  '退款（元）',
  '订单数',
];

export function impactExportRows(i: Impact): XlsxCell[][] {
  const row = (
    dim: string,
    g: Pick<Group, 'label' | 'countedFen' | 'uncountedFen' | 'refundFen' | 'orders'>,
  ): XlsxCell[] => [
    dim,
    g.label,
    money(g.countedFen),
    Number(g.countedFen),
    money(g.uncountedFen),
    money(g.refundFen),
    g.orders,
  ];
  const rows: XlsxCell[][] = [
    row('合计', {
      label: `${i.year} 年`,
      countedFen: i.countedFen,
      uncountedFen: i.uncountedFen,
      refundFen: i.refundedFen,
      orders: i.orders,
    }),
  ];
  for (const c of i.byChannel) rows.push(row('渠道', { ...c, label: CHANNEL_LABELS[c.channel] }));
  for (const [dim, groups] of [
    ['推介会', i.byRound],
    ['直播', i.byLivestream],
    ['分类', i.byCategory],
    ['乡镇', i.byTownship],
    ['供应商', i.bySupplier],
    ['单位', i.byUnit ?? []],
  ] as const) {
    for (const g of groups) rows.push(row(dim, g));
  }
  for (const d of i.byDepartment ?? [])
    rows.push(['主管部门', d.label, money(d.countedFen), Number(d.countedFen), '', '', '']);
  return rows;
}
