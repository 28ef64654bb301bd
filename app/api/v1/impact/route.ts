import { getImpactAndBenefit } from '@/db/queries/impact';
import { reachedShareBps } from '@/domain/benefit';
import { progressFraction } from '@/domain/target-accounting';
import { route } from '@/lib/http/route';

/**
 * GET /api/v1/impact: the programme's counted sales, from the same rollups and rule as /impact.
 * Money is integer fen (a JSON number; the target is far below 2^53).
 */
export const GET = route({ name: 'impact api' }, async () => {
  const { impact: i, benefit: b } = await getImpactAndBenefit();
  const n = (b: bigint) => Number(b);
  const group = (g: { key: string; label: string; countedFen: bigint; uncountedFen: bigint; orders: number }) => ({
    name: g.label,
    countedFen: n(g.countedFen),
    uncountedFen: n(g.uncountedFen),
    orders: g.orders,
  });
  return Response.json(
    {
      year: i.year,
      targetFen: n(i.targetFen),
      countedFen: n(i.countedFen),
      uncountedFen: n(i.uncountedFen),
      refundedFen: n(i.refundedFen),
      progress: progressFraction(i.countedFen, i.targetFen),
      orders: i.orders,
      units: i.units,
      buyers: i.buyers,
      byChannel: i.byChannel.map((c) => ({
        channel: c.channel,
        countedFen: n(c.countedFen),
        uncountedFen: n(c.uncountedFen),
        orders: c.orders,
      })),
      byCategory: i.byCategory.map((g) => ({ id: Number(g.key), ...group(g) })),
      byTownship: i.byTownship.map((g) => ({ slug: g.key, ...group(g) })),
      byRound: i.byRound.map((g) => ({ roundNo: g.roundNo, ...group(g) })),
      bySupplier: i.bySupplier.map((g) => ({ id: Number(g.key), ...group(g), benefitFen: n(g.benefitFen) })),
      benefitFen: n(i.benefitFen),
      declaredHouseholds: i.households,
      // Recorded 带贫成效 (issue 17): verified payouts of the same year only.
      households: { reached: b.reached, poverty: b.poverty, monitored: b.monitored },
      payoutsFen: {
        totalFen: n(b.paidFen),
        byChannel: b.byChannel.map((c) => ({ channel: c.channel, paidFen: n(c.paidFen) })),
        medianHouseholdFen: n(b.medianFen),
        p10HouseholdFen: n(b.p10Fen),
        reachedShareBps: reachedShareBps(b.paidFen, i.countedFen),
      },
      updatedAt: new Date().toISOString(),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
