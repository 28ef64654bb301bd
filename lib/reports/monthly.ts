import 'server-only';
import { getBenefitFigures, type RecordedBenefit } from '@/db/queries/benefit-figures';
import {
  monthlyCertifications,
  monthlySales,
  pendingPayouts,
  suppliersWithoutPayouts,
  targetForYear,
  type SalesGroup,
} from '@/db/queries/monthly-report';
import { listPledgeProgress } from '@/db/queries/programme';
import { PAYOUT_GAP_DAYS } from '@/domain/benefit';
import { payoutGapStart, pledgePaceFen, reportAsOf } from '@/domain/monthly-report';
import { CHANNELS, DEFAULT_TARGET_FEN } from '@/domain/target-accounting';
import { addDays, chinaDate, chinaDayStart, chinaMidnight, chinaMonthBounds, parseChinaMonth } from '@/domain/time';
import { AppError } from '@/lib/errors';

/**
 * The monthly 通报 (issue 17): everything the page, the XLSX and the CSV show, read once. Sales follow
 * the dashboard's rule (the ledger's counted lines); payouts count only when verified.
 */
export type MonthlyReport = Awaited<ReturnType<typeof buildMonthlyReport>>;

export async function buildMonthlyReport(month: string, today: string = chinaDate()) {
  const ym = parseChinaMonth(month);
  if (!ym) throw new AppError('invalid_input', '月份应为 YYYY-MM（如 2026-07）', { month: '月份应为 YYYY-MM' });
  const { year } = ym;
  const m = chinaMonthBounds(ym.year, ym.month);
  const yearFirst = `${year}-01-01`;
  const asOf = reportAsOf(m.last, today);
  const gapFrom = payoutGapStart(asOf, PAYOUT_GAP_DAYS);
  const afterAsOf = chinaDayStart(addDays(asOf, 1));
  const [sales, certifications, payoutsMonth, payoutsYear, pending, flagged, pledges, target] = await Promise.all([
    monthlySales({ yearFrom: chinaMidnight(year, 1, 1), monthFrom: m.from, to: m.to }),
    monthlyCertifications({
      from: m.from,
      to: m.to,
      expiredFrom: addDays(m.first, -1),
      expiredTo: addDays(m.last, -1),
    }),
    getBenefitFigures({ fromDay: m.first, toDay: m.last }),
    getBenefitFigures({ fromDay: yearFirst, toDay: m.last }),
    pendingPayouts({ fromDay: m.first, toDay: m.last }),
    suppliersWithoutPayouts({ from: chinaDayStart(gapFrom), to: afterAsOf, fromDay: gapFrom, toDay: asOf }),
    listPledgeProgress({ year, through: afterAsOf }),
    targetForYear({ year }),
  ]);
  const dim = (d: SalesGroup['dim']) =>
    sales
      .filter((g) => g.dim === d)
      .sort((a, b) =>
        a.cumulativeFen === b.cumulativeFen
          ? a.label.localeCompare(b.label)
          : a.cumulativeFen > b.cumulativeFen
            ? -1
            : 1,
      );
  const total = sales.find((g) => g.dim === 'total');
  return {
    month,
    year,
    first: m.first,
    last: m.last,
    asOf,
    gapFrom,
    targetFen: target ?? DEFAULT_TARGET_FEN,
    monthFen: total?.monthFen ?? 0n,
    cumulativeFen: total?.cumulativeFen ?? 0n,
    // Every channel, as on the dashboard, with zeros where there were no sales.
    byChannel: CHANNELS.map(
      (c) =>
        dim('channel').find((g) => g.key === c) ?? {
          dim: 'channel' as const,
          key: c,
          label: c,
          monthFen: 0n,
          cumulativeFen: 0n,
        },
    ),
    byRound: dim('round'),
    byDepartment: dim('department'),
    byTownship: dim('township'),
    bySupplier: dim('supplier'),
    certifications,
    payoutsMonth,
    payoutsYear,
    pending,
    flagged,
    unitsBehind: pledges
      .filter((u) => u.pledgeFen !== null && u.paidFen < pledgePaceFen(u.pledgeFen, asOf))
      .map((u) => ({ ...u, pledgeFen: u.pledgeFen!, paceFen: pledgePaceFen(u.pledgeFen!, asOf) })),
  };
}

export type { RecordedBenefit };
