import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { NotAUnitMember } from '@/components/unit/not-a-member';
import { UnitHome } from '@/components/unit/unit-home';
import { getUnitOverview } from '@/lib/accounts/units';
import { listRounds, pledgeProgress } from '@/db/queries/programme';
import { purchasesByFundSource } from '@/db/queries/fund-sources';
import { listUnitOrders } from '@/db/queries/unit-orders';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { pageUser } from '@/lib/auth/page-guard';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '单位采购', robots: { index: false } };

export default async function UnitPage() {
  const user = await pageUser('/unit');
  const membership = user.unitMemberships[0];
  if (!membership) return <NotAUnitMember />;
  const unit = await getUnitOverview({ unitId: membership.unitId });
  if (!unit) return <Forbidden message="单位不存在" />;
  const year = Number(chinaDate().slice(0, 4));
  const [orders, rounds, pledge, byFund] =
    unit.status === 'verified'
      ? await Promise.all([
          listUnitOrders({ unitId: unit.id, limit: 100 }),
          listRounds({ openOnly: true }),
          pledgeProgress({ unitId: unit.id, year }),
          purchasesByFundSource({ unitId: unit.id, year }),
        ])
      : [[], [], null, null];
  return (
    <>
      <PageHeading title="单位采购" />
      <UnitHome
        user={{ id: user.id, name: user.name }}
        membership={membership}
        unit={unit}
        work={unit.status === 'verified' ? { orders, rounds, pledge: pledge!, byFund: byFund!, year } : null}
        simulator={paymentSimulatorOn()}
      />
    </>
  );
}
