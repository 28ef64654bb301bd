import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { Forbidden, PageSkeleton } from '@/components/auth/forbidden';
import { UnitOverview } from '@/components/unit/unit-overview';
import { getUnitOverview } from '@/db/queries/accounts';
import { pageUser } from '@/lib/auth/page-guard';

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
          <Link href="/register/unit" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2">
            注册单位
          </Link>
        </p>
      </div>
    );
  }
  const unit = await getUnitOverview({ unitId: membership.unitId });
  if (!unit) return <Forbidden message="单位不存在" />;
  return <UnitOverview unit={unit} role={membership.role} isAdmin={membership.isAdmin} />;
}
