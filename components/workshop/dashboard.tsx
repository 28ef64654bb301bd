import { IntentLink } from '@/components/layout/intent-link';
import { Money } from '@/components/ui/money';
import type { getSupplierDashboard } from '@/db/queries/listings';
import { LOW_STOCK } from '@/domain/listing';

type Dashboard = Awaited<ReturnType<typeof getSupplierDashboard>>;

/** 待发货, 本月销售, 库存预警 and 证书到期 for one supplier. */
export function SupplierDashboard({ d }: { d: Dashboard }) {
  const tile = 'rounded-lg bg-neutral-50 p-3 ring-1 ring-neutral-200';
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <div className={tile}>
          <dt className="text-sm text-neutral-700">待发货订单</dt>
          <dd className={`text-2xl font-semibold tabular ${d.waitingToShip ? 'text-brand-700' : ''}`}>
            {d.waitingToShip}
          </dd>
        </div>
        <div className={tile}>
          <dt className="text-sm text-neutral-700">本月销售额</dt>
          <dd className="text-lg font-semibold">
            <Money fen={d.monthSalesFen} />
          </dd>
        </div>
        <div className={tile}>
          <dt className="text-sm text-neutral-700">本月订单</dt>
          <dd className="text-2xl font-semibold tabular">{d.monthOrders}</dd>
        </div>
        <div className={tile}>
          <dt className="text-sm text-neutral-700">库存预警</dt>
          <dd className={`text-2xl font-semibold tabular ${d.lowStock.length ? 'text-brand-700' : ''}`}>
            {d.lowStock.length}
          </dd>
        </div>
      </dl>
      {d.lowStock.length ? (
        <div>
          <h4 className="text-sm font-medium">库存不多于 {LOW_STOCK} 件</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {d.lowStock.map((p) => (
              <li key={p.id}>
                <IntentLink
                  href={`/workshop/products/${p.id}#stock`}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {p.name}（{p.spec}）
                </IntentLink>{' '}
                剩 <span className="font-medium tabular">{p.stock}</span> 件
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.expiring.length ? (
        <div>
          <h4 className="text-sm font-medium">30 天内到期的认定证书</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {d.expiring.map((c) => (
              <li key={c.id}>
                <IntentLink
                  href={`/workshop/products/${c.productId}#certificate`}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {c.productName}
                </IntentLink>{' '}
                证书 {c.certificateNo} 于 {c.expiresOn} 到期，请及时提交新证书
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
