import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Forbidden } from '@/components/auth/forbidden';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { UnitOverview } from '@/components/unit/unit-overview';
import { BulkOrderForm } from '@/components/unit/bulk-order-form';
import { PledgeBar, PurchaseOrders } from '@/components/unit/purchase-orders';
import { getUnitOverview } from '@/db/queries/accounts';
import { listRounds, listUnitOrders, pledgeProgress } from '@/db/queries/unit-orders';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { pageUser } from '@/lib/auth/page-guard';
import { chinaDate } from '@/domain/time';

export const metadata: Metadata = { title: '单位采购', robots: { index: false } };

export default function UnitPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <h1 className="text-2xl font-bold">单位采购</h1>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>
          <Unit />
        </Suspense>
      </div>
    </div>
  );
}

async function Unit() {
  const user = await pageUser('/unit');
  const membership = user.unitMemberships[0];
  if (!membership) {
    return (
      <div className="space-y-3">
        <Forbidden message="您的账号不属于任何单位。单位采购需要先注册单位或接受单位管理员的邀请。" />
        <p className="text-center">
          <Link
            href="/register/unit"
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
          >
            注册单位
          </Link>
        </p>
      </div>
    );
  }
  const unit = await getUnitOverview({ unitId: membership.unitId });
  if (!unit) return <Forbidden message="单位不存在" />;
  const year = Number(chinaDate().slice(0, 4));
  const [orders, rounds, pledge] =
    unit.status === 'verified'
      ? await Promise.all([
          listUnitOrders({ unitId: unit.id, limit: 100 }),
          listRounds({ openOnly: true }),
          pledgeProgress({ unitId: unit.id, year }),
        ])
      : [[], [], null];
  return (
    <div className="space-y-6">
      {unit.status === 'verified' ? (
        <>
          <section aria-labelledby="pledge-h" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
            <h2 id="pledge-h" className="mb-2 text-lg font-semibold">
              认购目标
            </h2>
            <PledgeBar pledgeFen={pledge!.pledgeFen} paidFen={pledge!.paidFen} year={year} />
          </section>
          {membership.role === 'buyer' ? (
            <section aria-labelledby="bulk-h" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
              <h2 id="bulk-h" className="mb-3 text-lg font-semibold">
                批量下单
              </h2>
              <BulkOrderForm
                unitId={unit.id}
                rounds={rounds.map((r) => ({ id: r.id, name: r.name }))}
                contactName={user.name}
              />
            </section>
          ) : null}
          <section aria-labelledby="po-h" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
            <h2 id="po-h" className="mb-3 text-lg font-semibold">
              采购单
            </h2>
            <PurchaseOrders
              orders={orders}
              me={user.id}
              canApprove={membership.role === 'approver'}
              canBuy={membership.role === 'buyer'}
              unitId={unit.id}
              simulator={paymentSimulatorOn()}
            />
            <a
              href="/unit/export.xlsx"
              className="mt-3 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
            >
              导出本单位采购明细（Excel）
            </a>
          </section>
        </>
      ) : null}
      <UnitOverview unit={unit} role={membership.role} isAdmin={membership.isAdmin} />
    </div>
  );
}
