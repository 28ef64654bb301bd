import type { getSupplierForManager } from '@/db/queries/suppliers';
import type { SupplierOrder } from '@/lib/orders/shipping';
import type { getSupplierDashboard } from '@/db/queries/listings';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { formatBps } from '@/domain/money';
import { updateSupplierProfileAction } from '@/lib/actions/workshop';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { SupplierDashboard } from './dashboard';
import { SupplierOrders } from './supplier-orders';
import { hiddenField } from '../forms/fields';

type Supplier = NonNullable<Awaited<ReturnType<typeof getSupplierForManager>>>;
type Dashboard = Awaited<ReturnType<typeof getSupplierDashboard>>;

/** One supplier on the portal's home: its figures, the orders to ship and its public profile. */
export function SupplierHome({
  supplier: s,
  orders,
  dashboard,
}: {
  supplier: Supplier;
  orders: SupplierOrder[];
  dashboard: Dashboard;
}) {
  return (
    <Card as="section" aria-labelledby={`sup-${s.id}`}>
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
        <SupplierDashboard d={dashboard} />
      </div>
      <h3 className="mt-6 font-medium">订单与发货</h3>
      <div className="mt-2">
        <SupplierOrders supplierId={s.id} orders={orders} />
      </div>
      <h3 className="mt-6 font-medium">公开资料</h3>
      <ActionForm
        action={updateSupplierProfileAction}
        submitLabel="保存"
        className="mt-2"
        idPrefix={`s${s.id}-`}
        fields={[
          hiddenField('supplierId', String(s.id)),
          { name: 'description', label: '简介', type: 'textarea', defaultValue: s.description },
          { name: 'address', label: '地址', defaultValue: s.address, wide: true },
          { name: 'benefitMechanism', label: '带贫机制', type: 'textarea', defaultValue: s.benefitMechanism },
        ]}
      />
    </Card>
  );
}
