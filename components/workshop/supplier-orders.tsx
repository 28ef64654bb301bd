import { IntentLink } from '@/components/layout/intent-link';
import type { SupplierOrder } from '@/lib/orders/shipping';
import { progressLabel } from '@/domain/recipient-shipping';
import { shipOrderAction } from '@/lib/actions/workshop';
import { CARRIERS } from '@/domain/labels';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { ActionForm } from '../forms/action-form';
import { hiddenField } from '../forms/fields';

/** 待发货 first: this supplier's lines of paid (and approved pay-later) orders, each with a 发货 form until shipped. */
export function SupplierOrders({ supplierId, orders }: { supplierId: number; orders: SupplierOrder[] }) {
  if (!orders.length) return <p className="text-neutral-700">还没有已付款的订单。商品售出并付款后会出现在这里。</p>;
  return (
    <ul className="space-y-3">
      {orders.map((o) => (
        <li key={o.orderNo} className="rounded-lg p-3 ring-1 ring-neutral-200">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">{o.orderNo}</span>
            <span className={`text-sm font-medium ${o.shipment ? 'text-cert-800' : 'text-brand-700'}`}>
              {o.shipment ? '本店已发货' : '待发货'}
              {o.parcels ? ` · ${progressLabel(o.parcels)}` : ''}
            </span>
          </div>
          <p className="text-sm text-neutral-700">
            {o.paidAt ? `付款 ${formatChinaDateTime(o.paidAt)}` : '先货后款（单位尚未付款）'} · 订单状态{' '}
            {ORDER_STATUS_LABELS[o.status]}
          </p>
          <ul className="mt-1 text-sm">
            {o.lines.map((l, i) => (
              <li key={i}>
                {l.name}（{l.spec}）× {l.quantity}
              </li>
            ))}
          </ul>
          <p className="mt-1 text-sm text-neutral-700">
            {o.parcels ? '单位联系人' : '收货'}：{o.contactName} {o.contactMobile} · {o.address.province}
            {o.address.city}
            {o.address.district} {o.address.detail}
          </p>
          {o.parcels ? (
            <p className="mt-2 text-sm">
              <IntentLink href={`/workshop/orders/${o.orderNo}`} className="font-medium text-brand-700 underline">
                按收货人发货（{o.parcels.total} 个包裹）
              </IntentLink>
            </p>
          ) : o.shipment ? (
            <p className="mt-1 text-sm">
              {o.shipment.carrier} {o.shipment.trackingNo} · {formatChinaDateTime(o.shipment.at)}
            </p>
          ) : (
            <ActionForm
              idPrefix={`ship-${o.orderNo}-`}
              action={shipOrderAction}
              submitLabel="发货"
              className="mt-2"
              fields={[
                hiddenField('orderNo', o.orderNo),
                hiddenField('supplierId', String(supplierId)),
                {
                  name: 'carrier',
                  label: '快递公司',
                  type: 'select',
                  options: CARRIERS.map((c) => ({ value: c, label: c })),
                },
                { name: 'trackingNo', label: '运单号', inputMode: 'text' },
              ]}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
