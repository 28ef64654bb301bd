import { formatFen } from './money';

/**
 * 经费来源: every unit purchase order says which money pays it. Canteen money (食堂) is what most
 * reserved-share rules count; union money (工会经费) may buy 慰问品 only at the festivals the rules allow,
 * within a per-member amount a year, and never cash equivalents (购物卡、代金券) or a category the
 * programme office excludes. The rules are here, once; lib/orders/fund-rules.ts applies them inside the
 * submission transaction.
 */
export const FUND_SOURCES = ['canteen', 'union', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const FUND_SOURCE_LABELS: Record<FundSource, string> = { canteen: '食堂', union: '工会', other: '其他' };

/** 食堂经费 / 工会经费 / 其他经费, or 未记录 for an order from before fund sources were recorded. */
export function fundSourceText(f: FundSource | null | undefined): string {
  return f ? `${FUND_SOURCE_LABELS[f]}经费` : '未记录';
}

/** The festivals at which union money may buy 慰问品. Lunar dates move, so the office enters each year's dates. */
export const FESTIVALS = ['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆'] as const;
export type Festival = (typeof FESTIVALS)[number];

/** The settings key the union rules are stored under (settings table, JSON). */
export const UNION_RULES_SETTING = 'fund.union_rules';

/** One festival's window in one year: China dates, both ends included. */
export type FestivalWindow = { festival: Festival; from: string; to: string };
export type UnionRules = {
  windows: FestivalWindow[];
  /** 人均标准: fen per member per China-time year. */
  allowances: { year: number; perMemberFen: number }[];
  /** Catalog category slugs union money may not buy. */
  excludedCategories: string[];
};
export const EMPTY_UNION_RULES: UnionRules = { windows: [], allowances: [], excludedCategories: [] };

/** A window's longest span: a festival's 慰问 period, not a season. */
export const MAX_WINDOW_DAYS = 60;

/** Cash equivalents union money never buys, whatever the office configures. */
const CASH_EQUIVALENT = /购物卡|代金券|提货券|提货卡|礼品卡|储值卡|充值卡|消费券/;

export function isCashEquivalent(productName: string): boolean {
  return CASH_EQUIVALENT.test(productName.normalize('NFKC'));
}

/** The window containing `day` (YYYY-MM-DD, China date), if any. */
export function windowOn(rules: UnionRules, day: string): FestivalWindow | null {
  return rules.windows.find((w) => w.from <= day && day <= w.to) ?? null;
}

/** The per-member amount set for a year, or null. */
export function allowanceFor(rules: UnionRules, year: number): number | null {
  return rules.allowances.find((a) => a.year === year)?.perMemberFen ?? null;
}

/** An order's share per head, rounded up to the fen (never under-counted). */
export function perHeadFen(totalFen: bigint, heads: number): bigint {
  if (!Number.isInteger(heads) || heads < 1) throw new RangeError('heads must be a positive integer');
  const n = BigInt(heads);
  return (totalFen + n - 1n) / n;
}

/** The people an order's recipient rows name (one person may receive several products). */
export function distinctRecipients(rows: readonly { name: string; mobile: string }[]): number {
  return new Set(rows.map((r) => `${r.name}\u0000${r.mobile}`)).size;
}

export type UnionOrder = {
  /** China date of submission. */
  today: string;
  lines: { name: string; categorySlug: string; categoryName: string }[];
  totalFen: bigint;
  /** Recipients of the order, or the unit's members when it has none. */
  heads: number;
  headsAre: 'recipients' | 'members';
  /** Per-head amounts of the unit's earlier union orders in the same year (not cancelled, expired or refunded). */
  earlierPerHeadFen: bigint;
};

export type UnionRefusal = { rule: 'window' | 'allowance_unset' | 'excluded' | 'over_allowance'; message: string };

/**
 * Whether union money may pay this order: inside a festival window, no excluded or cash-equivalent
 * goods, and within the year's per-member amount counting the unit's earlier union orders. Returns the
 * first rule broken, with its Chinese message, or null.
 */
export function unionRefusal(rules: UnionRules, o: UnionOrder): UnionRefusal | null {
  if (!windowOn(rules, o.today))
    return {
      rule: 'window',
      message: `工会经费仅可在${FESTIVALS.join('、')}等节日期间采购慰问品，当前不在任何节日时段${nextWindowText(rules, o.today)}`,
    };
  const cash = o.lines.filter((l) => isCashEquivalent(l.name));
  if (cash.length)
    return {
      rule: 'excluded',
      message: `工会经费不得采购购物卡、代金券等：${unique(cash.map((l) => l.name)).join('、')}`,
    };
  const excluded = new Set(rules.excludedCategories);
  const banned = o.lines.filter((l) => excluded.has(l.categorySlug));
  if (banned.length)
    return {
      rule: 'excluded',
      message: `工会经费不得采购“${unique(banned.map((l) => l.categoryName)).join('”“')}”类商品：${unique(banned.map((l) => l.name)).join('、')}`,
    };
  const year = Number(o.today.slice(0, 4));
  const allowance = allowanceFor(rules, year);
  if (allowance === null)
    return {
      rule: 'allowance_unset',
      message: `消费扶贫办公室尚未设定 ${year} 年工会经费人均标准，暂不能用工会经费采购`,
    };
  const mine = perHeadFen(o.totalFen, o.heads);
  const sum = mine + o.earlierPerHeadFen;
  if (sum > BigInt(allowance)) {
    const by = o.headsAre === 'recipients' ? '位收货人' : '名本单位成员（无收货人名单时按成员数计）';
    return {
      rule: 'over_allowance',
      message:
        `超出工会经费人均标准（${year} 年每人 ${formatFen(allowance)}）：本单 ${formatFen(o.totalFen)} ÷ ${o.heads} ${by} = 人均 ${formatFen(mine)}` +
        `${o.earlierPerHeadFen > 0n ? `，加上今年此前工会采购人均 ${formatFen(o.earlierPerHeadFen)}` : ''}，共 ${formatFen(sum)}，超出 ${formatFen(sum - BigInt(allowance))}`,
    };
  }
  return null;
}

function nextWindowText(rules: UnionRules, today: string): string {
  const next = rules.windows.filter((w) => w.from > today).sort((a, b) => (a.from < b.from ? -1 : 1))[0];
  return next ? `（下一个时段：${next.festival} ${next.from} 至 ${next.to}）` : '';
}

const unique = (xs: string[]) => [...new Set(xs)];

/** Windows sorted by start date, for display and storage. */
export function sortWindows(ws: readonly FestivalWindow[]): FestivalWindow[] {
  return [...ws].sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

/** Days in a window, both ends included. */
export function windowDays(w: Pick<FestivalWindow, 'from' | 'to'>): number {
  return Math.round((Date.parse(`${w.to}T00:00:00Z`) - Date.parse(`${w.from}T00:00:00Z`)) / 86_400_000) + 1;
}
