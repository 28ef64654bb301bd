import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { SupplierDashboard } from '@/components/workshop/dashboard';
import { SupplierOrders } from '@/components/workshop/supplier-orders';
import { WorkshopShell } from '@/components/workshop/workshop-nav';
import { getSupplierForManager } from '@/db/queries/accounts';
import { listSupplierOrders } from '@/db/queries/fulfilment';
import { getSupplierDashboard } from '@/db/queries/listings';
import { updateSupplierProfileAction } from '@/lib/actions/workshop';
import { pageUser } from '@/lib/auth/page-guard';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { formatBps } from '@/domain/money';

export const metadata: Metadata = { title: '车间/合作社', robots: { index: false } };

export default function WorkshopPage() {
  return (
    <WorkshopShell title="车间/合作社" current="/workshop">
      <Workshop />
    </WorkshopShell>
  );
}

async function Workshop() {
  const user = await pageUser('/workshop');
  if (!user.supplierIds.length)
    return <Forbidden message="您的账号不是任何供应商的管理员。供应商管理员由消费扶贫办公室邀请。" />;
  const suppliers = (await Promise.all(user.supplierIds.map((id) => getSupplierForManager({ supplierId: id })))).filter(
    (s) => s !== null,
  );
  const details = new Map(
    await Promise.all(
      suppliers.map(
        async (s) =>
          [
            s.id,
            {
              orders: await listSupplierOrders({ supplierId: s.id, limit: 100 }),
              dashboard: await getSupplierDashboard({ supplierId: s.id }),
            },
          ] as const,
      ),
    ),
  );
  return (
    <div className="space-y-6">
      {suppliers.map((s) => (
        <section key={s.id} aria-labelledby={`sup-${s.id}`} className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
          <p className="text-sm text-neutral-600">
            {s.townshipName} · {SUPPLIER_TYPE_LABELS[s.type]}
          </p>
          <h2 id={`sup-${s.id}`} className="text-lg font-semibold">
            {s.name}
          </h2>
          <p className="mt-1 text-sm text-neutral-700">
            带动贫困户 {s.povertyHouseholds} 户 · 销售额分享 {formatBps(s.benefitShareBps, { trim: true })}
            （由消费扶贫办公室核定）
          </p>
          <h3 className="mt-4 font-medium">概览</h3>
          <div className="mt-2">
            <SupplierDashboard d={details.get(s.id)!.dashboard} />
          </div>
          <h3 className="mt-6 font-medium">订单与发货</h3>
          <div className="mt-2">
            <SupplierOrders supplierId={s.id} orders={details.get(s.id)!.orders} />
          </div>
          <h3 className="mt-6 font-medium">公开资料</h3>
          <ActionForm
            action={updateSupplierProfileAction}
            submitLabel="保存"
            className="mt-2"
            idPrefix={`s${s.id}-`}
            fields={[
              { name: 'supplierId', label: '', type: 'hidden', defaultValue: String(s.id) },
              { name: 'description', label: '简介', type: 'textarea', defaultValue: s.description },
              { name: 'address', label: '地址', defaultValue: s.address, wide: true },
              { name: 'benefitMechanism', label: '带贫机制', type: 'textarea', defaultValue: s.benefitMechanism },
            ]}
          />
        </section>
      ))}
    </div>
  );
}
