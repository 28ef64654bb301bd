import type { Parcel } from '@/lib/orders/recipients';
import { progressLabel, type DeliveryProgress } from '@/domain/recipient-shipping';
import { formatChinaDateTime } from '@/domain/time';

export const progressOf = (parcels: readonly Parcel[]): DeliveryProgress => ({
  shipped: parcels.filter((p) => p.shipment).length,
  total: parcels.length,
});

/**
 * A welfare order's recipients (masked: name, mobile and address are the supplier's to read, for shipping)
 * with each parcel's carrier and tracking number, and the delivery progress. `print` renders the A4 annex.
 */
export function OrderRecipients({ parcels, print = false }: { parcels: readonly Parcel[]; print?: boolean }) {
  if (!parcels.length) return null;
  const progress = progressOf(parcels);
  const cell = print ? 'border border-black px-2 py-1' : 'px-2 py-1.5';
  return (
    <section aria-labelledby="recipients-heading" className={print ? 'mt-8 break-before-page' : ''}>
      <h2 id="recipients-heading" className={print ? 'text-lg font-bold' : 'text-lg font-semibold'}>
        {print ? '附件：收货人清单' : '收货人'}（{parcels.length} 人）·{' '}
        <span data-testid="delivery-progress">{progressLabel(progress)}</span>
      </h2>
      <p className="mt-1 text-xs text-neutral-600">
        为保护个人信息，姓名、手机号和地址已部分隐藏；供应商发货时可见完整信息。
      </p>
      {print ? null : (
        <ol className="mt-2 space-y-2 md:hidden">
          {parcels.map((p) => (
            <li key={p.recipientNo} className="rounded-lg p-3 text-sm ring-1 ring-neutral-200">
              <div className="flex justify-between gap-2">
                <span className="font-medium">
                  {p.recipientNo}. {p.name} <span className="text-neutral-700 tabular">{p.mobile}</span>
                </span>
                <span className={p.shipment ? 'text-cert-800' : 'text-brand-700'}>
                  {p.shipment ? '已发货' : '待发货'}
                </span>
              </div>
              <p className="text-neutral-700">{p.address}</p>
              <p>
                {p.productName}（{p.productSpec}）× {p.quantity}
              </p>
              {p.shipment ? (
                <p className="tabular">
                  {p.shipment.carrier} {p.shipment.trackingNo} · {formatChinaDateTime(p.shipment.at)}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <div className={print ? 'mt-2' : 'mt-2 hidden overflow-x-auto md:block'}>
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className={print ? '' : 'border-b border-neutral-200'}>
              {['编号', '收货人', '手机号', '地址', '商品', '数量', '发货'].map((h) => (
                <th key={h} scope="col" className={`${cell} font-medium`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parcels.map((p) => (
              <tr key={p.recipientNo} className={print ? '' : 'border-b border-neutral-100'}>
                <td className={`${cell} tabular`}>{p.recipientNo}</td>
                <td className={cell}>{p.name}</td>
                <td className={`${cell} tabular`}>{p.mobile}</td>
                <td className={cell}>{p.address}</td>
                <td className={cell}>
                  {p.productName}（{p.productSpec}）
                </td>
                <td className={`${cell} text-right tabular`}>{p.quantity}</td>
                <td className={cell}>{p.shipment ? `${p.shipment.carrier} ${p.shipment.trackingNo}` : '待发货'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
