import type { RecordedBenefit } from '@/db/queries/benefit-figures';
import type { SalesGroup } from '@/db/queries/monthly-report';
import { BENEFIT_CHANNEL_LABELS, reachedShareBps } from '@/domain/benefit';
import { progressBps } from '@/domain/money';
import { CHANNEL_LABELS, type Channel } from '@/domain/target-accounting';
import type { MonthlyReport } from './monthly';

/**
 * The monthly 通报 as tables: the page, the XLSX and the CSV all render these, so every figure is the
 * same in all three. Money cells are fen (bigint) with a drill-down link to the rows they sum.
 */
export type Cell =
  | { kind: 'text'; text: string; href?: string }
  | { kind: 'fen'; fen: bigint; href?: string }
  | { kind: 'int'; n: number; href?: string }
  | { kind: 'bps'; bps: number };
export type ReportTable = {
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  footer?: Cell[];
  empty: string;
};

const text = (t: string, href?: string): Cell => ({ kind: 'text', text: t, href });
const fen = (f: bigint, href?: string): Cell => ({ kind: 'fen', fen: f, href });
const int = (n: number, href?: string): Cell => ({ kind: 'int', n, href });
const bps = (b: number): Cell => ({ kind: 'bps', bps: b });

const qs = (o: Record<string, string | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');
/** The orders behind a sales figure (the dashboard's drill-down, for a period). */
export const ordersHref = (dim: string, key: string, from: string, to: string) =>
  `/admin/impact/orders?${qs({ dim, key, from, to })}`;
/** The verified payouts behind a payout figure. */
export const payoutsHref = (from: string, to: string, more: { supplier?: number; channel?: string } = {}) =>
  `/admin/payouts?${qs({ status: 'verified', from, to, supplier: more.supplier?.toString(), channel: more.channel })}`;

/** Certificates of the month (new or expired): each links to its public verification page. */
function certificationTable(
  id: string,
  title: string,
  dayHeader: string,
  list: MonthlyReport['certifications']['certified'],
  empty: string,
): ReportTable {
  return {
    id,
    title,
    columns: ['证书编号', '产品', '供应商', dayHeader],
    rows: list.map((c) => [
      text(c.certificateNo, `/verify/${encodeURIComponent(c.certificateNo)}`),
      text(c.productName),
      text(c.supplierName),
      text(c.day),
    ]),
    empty,
  };
}

function salesTable(r: MonthlyReport, id: string, title: string, dim: string, groups: SalesGroup[]): ReportTable {
  const yearFirst = `${r.year}-01-01`;
  const label = (g: SalesGroup) => (dim === 'channel' ? (CHANNEL_LABELS[g.key as Channel] ?? g.key) : g.label);
  return {
    id,
    title,
    columns: ['名称', '本月', '本年累计'],
    rows: groups.map((g) => [
      text(label(g)),
      fen(g.monthFen, ordersHref(dim, g.key, r.first, r.last)),
      fen(g.cumulativeFen, ordersHref(dim, g.key, yearFirst, r.last)),
    ]),
    footer: [
      text('合计'),
      fen(groups.reduce((s, g) => s + g.monthFen, 0n)),
      fen(groups.reduce((s, g) => s + g.cumulativeFen, 0n)),
    ],
    empty: '本期没有此类销售',
  };
}

function summary(r: MonthlyReport): ReportTable {
  const yearFirst = `${r.year}-01-01`;
  const m: RecordedBenefit = r.payoutsMonth;
  const y: RecordedBenefit = r.payoutsYear;
  return {
    id: 'summary',
    title: '一、总体情况',
    columns: ['项目', '数值'],
    rows: [
      [text('本月计入目标的销售额'), fen(r.monthFen, ordersHref('total', '', r.first, r.last))],
      [text('本年累计（截至月末）'), fen(r.cumulativeFen, ordersHref('total', '', yearFirst, r.last))],
      [text('年度目标'), fen(r.targetFen)],
      [text('累计完成进度'), bps(progressBps(r.cumulativeFen, r.targetFen))],
      [text('本月已核实带贫发放'), fen(m.paidFen, payoutsHref(r.first, r.last))],
      [text('本年累计已核实带贫发放'), fen(y.paidFen, payoutsHref(yearFirst, r.last))],
      [text('本月带动农户（户）'), int(m.reached, payoutsHref(r.first, r.last))],
      [text('其中脱贫户'), int(m.poverty)],
      [text('其中监测对象'), int(m.monitored)],
      [text('本年累计带动农户（户）'), int(y.reached, payoutsHref(yearFirst, r.last))],
      [text('本年户均收入中位数'), fen(y.medianFen)],
      [text('本年户收入第 10 百分位'), fen(y.p10Fen)],
      [text('本年发放占计入目标销售额'), bps(reachedShareBps(y.paidFen, r.cumulativeFen))],
      [
        text('本月待核实发放（笔）'),
        int(r.pending.count, `/admin/payouts?${qs({ status: 'submitted', from: r.first, to: r.last })}`),
      ],
      [text('本月待核实发放金额'), fen(r.pending.amountFen)],
    ],
    empty: '',
  };
}

export function monthlyTables(r: MonthlyReport): ReportTable[] {
  const yearFirst = `${r.year}-01-01`;
  const yearBySupplier = new Map(r.payoutsYear.bySupplier.map((s) => [s.supplierId, s]));
  const monthBySupplier = new Map(r.payoutsMonth.bySupplier.map((s) => [s.supplierId, s]));
  const supplierIds = [...new Set([...yearBySupplier.keys()])];
  return [
    summary(r),
    salesTable(r, 'sales-channel', '二、销售额（按渠道）', 'channel', r.byChannel),
    salesTable(r, 'sales-round', '三、销售额（按推介会）', 'round', r.byRound),
    salesTable(r, 'sales-department', '四、销售额（按主管部门）', 'department', r.byDepartment),
    salesTable(r, 'sales-township', '五、销售额（按乡镇、街道）', 'township', r.byTownship),
    salesTable(r, 'sales-supplier', '六、销售额（按供应商）', 'supplier', r.bySupplier),
    certificationTable(
      'certified',
      '七、本月新认定产品',
      '认定日期',
      r.certifications.certified,
      '本月没有新认定的产品',
    ),
    certificationTable('expired', '八、本月认定到期产品', '有效期至', r.certifications.expired, '本月没有到期的认定'),
    {
      id: 'payouts-channel',
      title: '九、带贫发放（按带动方式，已核实）',
      columns: ['带动方式', '本月', '本年累计'],
      rows: r.payoutsYear.byChannel.map((c) => [
        text(BENEFIT_CHANNEL_LABELS[c.channel]),
        fen(
          r.payoutsMonth.byChannel.find((x) => x.channel === c.channel)!.paidFen,
          payoutsHref(r.first, r.last, { channel: c.channel }),
        ),
        fen(c.paidFen, payoutsHref(yearFirst, r.last, { channel: c.channel })),
      ]),
      footer: [text('合计'), fen(r.payoutsMonth.paidFen), fen(r.payoutsYear.paidFen)],
      empty: '',
    },
    {
      id: 'payouts-supplier',
      title: '十、带贫发放（按供应商，已核实）',
      columns: ['供应商', '本月带动户数', '本月发放', '本年累计发放'],
      rows: supplierIds.map((id) => {
        const y = yearBySupplier.get(id)!;
        const mo = monthBySupplier.get(id);
        return [
          text(y.name),
          int(mo?.households ?? 0),
          fen(mo?.paidFen ?? 0n, payoutsHref(r.first, r.last, { supplier: id })),
          fen(y.paidFen, payoutsHref(yearFirst, r.last, { supplier: id })),
        ];
      }),
      footer: [text('合计'), int(r.payoutsMonth.reached), fen(r.payoutsMonth.paidFen), fen(r.payoutsYear.paidFen)],
      empty: '本年还没有已核实的发放',
    },
    {
      id: 'flagged',
      title: `十一、有销售但 90 天内未记录发放的供应商（${r.gapFrom} 至 ${r.asOf}）`,
      columns: ['供应商', '期间销售额', '最近一次发放'],
      rows: r.flagged.map((s) => [
        text(s.name),
        fen(s.salesFen, ordersHref('supplier', String(s.supplierId), r.gapFrom, r.asOf)),
        text(s.lastPaidOn ?? '从未记录'),
      ]),
      empty: '没有需要提醒的供应商',
    },
    {
      id: 'units-behind',
      title: `十二、认购进度落后的单位（截至 ${r.asOf}）`,
      columns: ['单位', '主管部门', '认购目标', '按进度应完成', '已完成', '差额'],
      rows: r.unitsBehind.map((u) => [
        text(u.unitName),
        text(u.department),
        fen(u.pledgeFen),
        fen(u.paceFen),
        fen(u.paidFen, ordersHref('unit', u.unitId, yearFirst, r.asOf)),
        fen(u.paceFen - u.paidFen),
      ]),
      empty: '所有有认购目标的单位均达到进度',
    },
  ];
}
