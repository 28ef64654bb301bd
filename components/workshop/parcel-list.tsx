import { shipParcelAction, uploadTrackingAction } from '@/lib/actions/workshop';
import type { SupplierShippingList } from '@/lib/orders/recipients';
import { CARRIERS } from '@/domain/labels';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { progressLabel } from '@/domain/recipient-shipping';
import { formatChinaDateTime } from '@/domain/time';
import { ActionForm } from '../forms/action-form';
import { hiddenField } from '../forms/fields';
import { Card } from '../ui/card';
import { Notice } from '../ui/notice';

const carrierOptions = CARRIERS.map((c) => ({ value: c, label: c }));

/** One supplier's parcels of a welfare order: 面单 download, the courier's sheet upload, and 发货 per recipient. */
export function ParcelList({
  supplierId,
  supplierName,
  list,
}: {
  supplierId: number;
  supplierName: string;
  list: SupplierShippingList;
}) {
  const target = [hiddenField('orderNo', list.orderNo), hiddenField('supplierId', String(supplierId))];
  return (
    <Card as="section" aria-labelledby={`parcels-${supplierId}`}>
      <h2 id={`parcels-${supplierId}`} className="text-lg font-semibold">
        {supplierName} · 发货清单
      </h2>
      <p className="mt-1 text-sm text-neutral-700">
        订单状态 {ORDER_STATUS_LABELS[list.status]} ·{' '}
        <strong className="text-brand-800" data-testid="parcel-progress">
          {progressLabel(list.progress)}
        </strong>
      </p>
      <p className="mt-1 text-xs text-neutral-600">收货人信息仅用于发货；每次查看和导出都记入审计日志。</p>
      <p className="mt-3">
        <a
          href={`/workshop/orders/${list.orderNo}/waybills.csv?supplier=${supplierId}`}
          download
          className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 ring-1 ring-brand-200"
        >
          下载面单 CSV
        </a>
      </p>
      {list.progress.total > 0 && list.progress.shipped === list.progress.total ? (
        // The upload form goes with the last parcel (and its 已录入 message with it): this says what happened.
        <Notice tone="success" className="mt-3 font-medium">
          全部 {list.progress.total} 个包裹已发货，运单号见下方清单。
        </Notice>
      ) : list.shippable ? (
        <details className="mt-3 rounded-lg bg-neutral-50 p-3" open>
          <summary className="cursor-pointer font-medium">上传快递公司的运单表</summary>
          <p className="mt-1 text-sm text-neutral-700">
            .csv 或 .xlsx，第一行为表头，含“订单号”“收货人编号”（或面单的“备注”）和“运单号”列，可含“快递公司”“收货人”。
            下载的面单填好运单号后即可上传；有一行不对则不录入任何运单号，重复上传不会重复发货。
          </p>
          <ActionForm
            idPrefix={`upload-${supplierId}-`}
            action={uploadTrackingAction}
            submitLabel="上传运单"
            className="mt-2"
            fields={[
              ...target,
              {
                name: 'carrier',
                label: '快递公司（表中未写时）',
                type: 'select',
                options: [{ value: '', label: '按表中所写' }, ...carrierOptions],
              },
              { name: 'file', label: '运单文件', type: 'file', accept: '.csv,.xlsx,text/csv', wide: true },
            ]}
          />
        </details>
      ) : null}
      <ol className="mt-4 space-y-3">
        {list.parcels.map((p) => (
          <li key={p.recipientNo} className="rounded-lg p-3 ring-1 ring-neutral-200">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">
                {p.recipientNo}. {p.name} <span className="text-neutral-700 tabular">{p.mobile}</span>
              </span>
              <span className={`text-sm font-medium ${p.shipment ? 'text-cert-800' : 'text-brand-700'}`}>
                {p.shipment ? '已发货' : '待发货'}
              </span>
            </div>
            <p className="text-sm break-words text-neutral-800">{p.address}</p>
            <p className="text-sm text-neutral-700">
              {p.productName}（{p.productSpec}）× {p.quantity}
            </p>
            {p.shipment ? (
              <p className="mt-1 text-sm">
                {p.shipment.carrier} {p.shipment.trackingNo} · {formatChinaDateTime(p.shipment.at)}
              </p>
            ) : list.shippable ? (
              <ActionForm
                idPrefix={`ship-${supplierId}-${p.recipientNo}-`}
                action={shipParcelAction}
                submitLabel="发货"
                className="mt-2"
                fields={[
                  ...target,
                  hiddenField('recipientNo', String(p.recipientNo)),
                  { name: 'carrier', label: '快递公司', type: 'select', options: carrierOptions },
                  { name: 'trackingNo', label: '运单号', inputMode: 'text' },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
