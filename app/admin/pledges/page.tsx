import type { Metadata } from 'next';
import { PledgesAdmin } from '@/components/admin/pledges';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { Card } from '@/components/ui/card';
import { UnreceivedOrders } from '@/components/admin/unreceived-orders';
import { FundSourceTotalsTable } from '@/components/unit/fund-source-totals';
import { purchasesByFundSource } from '@/db/queries/fund-sources';
import { listUnreceivedUnitOrders } from '@/db/queries/unit-receipt';
import { UNIT_RECEIPT_OVERDUE_DAYS } from '@/domain/receipt';
import { listPledgeProgress } from '@/db/queries/programme';
import { adminPageUser } from '@/lib/auth/admin-page';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '认购目标', robots: { index: false } };

export default async function AdminPledgesPage() {
  if (!(await adminPageUser('/admin/pledges'))) return <Forbidden message="只有消费扶贫办公室可以查看认购目标。" />;
  const year = Number(chinaDate().slice(0, 4));
  const [rows, byFund, unreceived] = await Promise.all([
    listPledgeProgress({ year }),
    purchasesByFundSource({ year }),
    listUnreceivedUnitOrders({ olderThanDays: UNIT_RECEIPT_OVERDUE_DAYS }),
  ]);
  return (
    <>
      <PageHeading title="认购目标" />
      <div className="space-y-6">
        <Card title="按经费来源" titleId="by-fund-h">
          <FundSourceTotalsTable totals={byFund} caption={`${year} 年全部单位已付款采购`} className="mt-2" />
        </Card>
        <UnreceivedOrders rows={unreceived} />
        <PledgesAdmin rows={rows} year={year} />
      </div>
    </>
  );
}
