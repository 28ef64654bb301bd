import type { getUnitOverview } from '@/lib/accounts/units';
import type { listRounds, pledgeProgress } from '@/db/queries/programme';
import type { FundSourceTotals } from '@/db/queries/fund-sources';
import type { UnitOrderRow } from '@/db/queries/unit-orders';
import type { CurrentUser } from '@/db/queries/users';
import { Card } from '../ui/card';
import { BulkOrderForm } from './bulk-order-form';
import { FundSourceTotalsTable } from './fund-source-totals';
import { PledgeBar, PurchaseOrders } from './purchase-orders';
import { UnitOverview } from './unit-overview';

type Unit = NonNullable<Awaited<ReturnType<typeof getUnitOverview>>>;
type Work = {
  orders: UnitOrderRow[];
  rounds: Awaited<ReturnType<typeof listRounds>>;
  pledge: Awaited<ReturnType<typeof pledgeProgress>>;
  byFund: FundSourceTotals;
  year: number;
};

/**
 * The unit's desk: the pledge bar, 批量下单 (buyers), the purchase orders (approvers decide them), then
 * the unit and its members. `work` is null until the unit is verified.
 */
export function UnitHome({
  user,
  membership,
  unit,
  work,
  simulator,
}: {
  user: { id: string; name: string };
  membership: CurrentUser['unitMemberships'][number];
  unit: Unit;
  work: Work | null;
  simulator: boolean;
}) {
  return (
    <div className="space-y-6">
      {work ? (
        <>
          <Card title="认购目标" titleId="pledge-h">
            <div className="mt-2">
              <PledgeBar pledgeFen={work.pledge.pledgeFen} paidFen={work.pledge.paidFen} year={work.year} />
            </div>
            <FundSourceTotalsTable totals={work.byFund} caption={`${work.year} 年按经费来源`} className="mt-4" />
          </Card>
          {membership.role === 'buyer' ? (
            <Card title="批量下单" titleId="bulk-h">
              <div className="mt-3">
                <BulkOrderForm
                  unitId={unit.id}
                  rounds={work.rounds.map((r) => ({ id: r.id, name: r.name }))}
                  contactName={user.name}
                />
              </div>
            </Card>
          ) : null}
          <Card title="采购单" titleId="po-h">
            <div className="mt-3">
              <PurchaseOrders
                orders={work.orders}
                me={user.id}
                canApprove={membership.role === 'approver'}
                canBuy={membership.role === 'buyer'}
                unitId={unit.id}
                simulator={simulator}
              />
            </div>
            <a
              href="/unit/export.xlsx"
              className="mt-3 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
            >
              导出本单位采购明细（Excel）
            </a>
          </Card>
        </>
      ) : null}
      <UnitOverview unit={unit} role={membership.role} isAdmin={membership.isAdmin} />
    </div>
  );
}
