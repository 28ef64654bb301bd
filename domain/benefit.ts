/**
 * 带贫成效 from real payments: the household register, payouts and the rules that decide what counts.
 * Each list below is also a database enum (db/schema/benefit.ts), in its stored order: append only.
 *
 * - A household (or workshop worker) is kept by one supplier under a pseudonymous code (DT-0012); its
 *   real name and ID number are optional and encrypted (lib/benefit), never part of these rules.
 * - Policy (国乡振发〔2022〕9号) counts benefit through three channels: 发展生产 (production: 保底收购
 *   premiums), 吸纳就业 (employment: 计件工资, 务工工资) and 收益分红 (dividend).
 * - Only verified payouts (已核实, by the programme office or an invited reviewer) count in any figure.
 */
export const HOUSEHOLD_CATEGORIES = ['poverty_lifted', 'monitored', 'general'] as const;
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];
export const HOUSEHOLD_CATEGORY_LABELS: Record<HouseholdCategory, string> = {
  poverty_lifted: '脱贫户',
  monitored: '监测对象',
  general: '一般农户',
};

export const BENEFIT_CHANNELS = ['production', 'employment', 'dividend'] as const;
export type BenefitChannel = (typeof BENEFIT_CHANNELS)[number];
export const BENEFIT_CHANNEL_LABELS: Record<BenefitChannel, string> = {
  production: '发展生产',
  employment: '吸纳就业',
  dividend: '收益分红',
};

export const PAYOUT_KINDS = ['piece_rate', 'day_wage', 'purchase_premium', 'dividend'] as const;
export type PayoutKind = (typeof PAYOUT_KINDS)[number];
export const PAYOUT_KIND_LABELS: Record<PayoutKind, string> = {
  piece_rate: '计件工资',
  day_wage: '务工工资',
  purchase_premium: '保底收购溢价',
  dividend: '分红',
};
/** What a quantity of each kind counts, and what its rate is per. */
export const PAYOUT_QUANTITY_UNITS: Record<Exclude<PayoutKind, 'dividend'>, string> = {
  piece_rate: '件',
  day_wage: '天',
  purchase_premium: '千克',
};

/** The channel a payout kind counts under. */
export function channelOfKind(kind: PayoutKind): BenefitChannel {
  switch (kind) {
    case 'piece_rate':
    case 'day_wage':
      return 'employment';
    case 'purchase_premium':
      return 'production';
    case 'dividend':
      return 'dividend';
  }
}

export const PAYOUT_METHODS = ['bank', 'cash', 'wechat'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];
export const PAYOUT_METHOD_LABELS: Record<PayoutMethod, string> = { bank: '银行转账', cash: '现金', wechat: '微信' };

/**
 * awaiting_confirmation: a cash payout the household has not confirmed yet (its code, or a second
 * manager's sign-off); submitted: waiting for verification; verified: counts; returned: sent back with
 * a reason; void: withdrawn by the supplier after it was returned (kept for the record, never counted).
 */
export const PAYOUT_STATUSES = ['awaiting_confirmation', 'submitted', 'verified', 'returned', 'void'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];
export const PAYOUT_STATUS_LABELS: Record<PayoutStatus, string> = {
  awaiting_confirmation: '待农户确认',
  submitted: '待核实',
  verified: '已核实',
  returned: '已退回',
  void: '已作废',
};

export const PAYOUT_CONFIRMATIONS = ['not_needed', 'household_code', 'second_manager'] as const;
export type PayoutConfirmation = (typeof PAYOUT_CONFIRMATIONS)[number];
export const PAYOUT_CONFIRMATION_LABELS: Record<PayoutConfirmation, string> = {
  not_needed: '非现金，无需确认',
  household_code: '农户确认码',
  second_manager: '第二位管理员签认',
};

/** Cash reaches a household only with its confirmation; bank and WeChat payments leave their own trace. */
export function needsConfirmation(method: PayoutMethod): boolean {
  return method === 'cash';
}

/** The status a newly recorded payout starts in. */
export function initialPayoutStatus(method: PayoutMethod, confirmedByCode: boolean): PayoutStatus {
  return needsConfirmation(method) && !confirmedByCode ? 'awaiting_confirmation' : 'submitted';
}

/** What may happen to a payout in a status; anything else is refused and writes nothing. */
export const PAYOUT_TRANSITIONS = {
  confirm: { from: ['awaiting_confirmation'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'verified' },
  return: { from: ['submitted', 'awaiting_confirmation'], to: 'returned' },
  void: { from: ['returned', 'awaiting_confirmation'], to: 'void' },
} as const satisfies Record<string, { from: readonly PayoutStatus[]; to: PayoutStatus }>;
export type PayoutTransition = keyof typeof PAYOUT_TRANSITIONS;

export function canTransition(status: PayoutStatus, t: PayoutTransition): boolean {
  return (PAYOUT_TRANSITIONS[t].from as readonly PayoutStatus[]).includes(status);
}

/** Statuses whose payouts are still money the supplier says it paid (due vs paid on a dividend). */
export const LIVE_PAYOUT_STATUSES: readonly PayoutStatus[] = ['awaiting_confirmation', 'submitted', 'verified'];

/** A household code: 1–4 capital letters, a dash and 2–6 digits (DT-0012). */
export const HOUSEHOLD_CODE = /^[A-Z]{1,4}-\d{2,6}$/;

/**
 * A quantity as typed ("12", "2.5", "152.25"): hundredths (件, 天 or 千克 × 100), at most 2 decimals
 * and at most 1,000,000; null when it is not one.
 */
export function parseQuantityCenti(input: string): number | null {
  const m = /^\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return v > 0 && v <= 100_000_000 ? v : null;
}

/** Hundredths as a quantity for display: 1250 -> "12.5", 1200 -> "12". */
export function formatQuantityCenti(centi: number): string {
  const whole = Math.trunc(centi / 100);
  const rest = centi % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** Quantity × rate, to the fen, half up: 2.5 天 × ¥120.00 = ¥300.00; 0.33 kg × ¥1.00 = ¥0.33. */
export function quantityAmountFen(quantityCenti: number, rateFen: number): bigint {
  return (BigInt(quantityCenti) * BigInt(rateFen) + 50n) / 100n;
}

/** The value at the p-th percentile by the nearest-rank method (0 < p ≤ 100); 0n for no values. */
export function nearestRank(values: readonly bigint[], p: number): bigint {
  if (!values.length) return 0n;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** One household's verified payouts in a period, as the figures need them. */
export type HouseholdIncome = { householdId: number; category: HouseholdCategory; paidFen: bigint };

/**
 * 带贫成效 figures from per-household verified totals: households reached (≥ 1 verified payout), of
 * which 脱贫户 and 监测对象, and the median and 10th-percentile household income (nearest rank).
 */
export function householdFigures(incomes: readonly HouseholdIncome[]) {
  const reached = incomes.filter((h) => h.paidFen > 0n);
  const paid = reached.map((h) => h.paidFen);
  return {
    reached: reached.length,
    poverty: reached.filter((h) => h.category === 'poverty_lifted').length,
    monitored: reached.filter((h) => h.category === 'monitored').length,
    medianFen: nearestRank(paid, 50),
    p10Fen: nearestRank(paid, 10),
  };
}

/** The share of counted sales that reached households, in basis points (rounded down); 0 without sales. */
export function reachedShareBps(paidFen: bigint, countedFen: bigint): number {
  if (countedFen <= 0n || paidFen <= 0n) return 0;
  return Number((paidFen * 10_000n) / countedFen);
}

/** How long a supplier with sales may go without recording a payout before the 通报 flags it. */
export const PAYOUT_GAP_DAYS = 90;

/** Verified payouts summed per household, supplier and channel: what the figures are made from. */
export type PayoutSumRow = {
  householdId: number;
  supplierId: number;
  category: HouseholdCategory;
  channel: BenefitChannel;
  paidFen: bigint;
};

export type SupplierPaid = { supplierId: number; households: number; paidFen: bigint; byChannel: ChannelPaid[] };
export type ChannelPaid = { channel: BenefitChannel; paidFen: bigint };

export type BenefitFigures = ReturnType<typeof householdFigures> & {
  paidFen: bigint;
  byChannel: ChannelPaid[];
  bySupplier: SupplierPaid[];
};

const byChannelOf = (rows: readonly PayoutSumRow[]): ChannelPaid[] =>
  BENEFIT_CHANNELS.map((channel) => ({
    channel,
    paidFen: rows.filter((r) => r.channel === channel).reduce((s, r) => s + r.paidFen, 0n),
  }));

/** Every recorded figure of a period from its per-household sums (pure, so that it is proved once). */
export function benefitFigures(rows: readonly PayoutSumRow[]): BenefitFigures {
  const perHousehold = new Map<number, HouseholdIncome>();
  for (const r of rows) {
    const h = perHousehold.get(r.householdId) ?? { householdId: r.householdId, category: r.category, paidFen: 0n };
    h.paidFen += r.paidFen;
    perHousehold.set(r.householdId, h);
  }
  const supplierIds = [...new Set(rows.map((r) => r.supplierId))];
  const bySupplier = supplierIds
    .map((supplierId) => {
      const own = rows.filter((r) => r.supplierId === supplierId);
      return {
        supplierId,
        households: new Set(own.filter((r) => r.paidFen > 0n).map((r) => r.householdId)).size,
        paidFen: own.reduce((s, r) => s + r.paidFen, 0n),
        byChannel: byChannelOf(own),
      };
    })
    .sort((a, b) => (a.paidFen === b.paidFen ? a.supplierId - b.supplierId : a.paidFen > b.paidFen ? -1 : 1));
  return {
    ...householdFigures([...perHousehold.values()]),
    paidFen: rows.reduce((s, r) => s + r.paidFen, 0n),
    byChannel: byChannelOf(rows),
    bySupplier,
  };
}
