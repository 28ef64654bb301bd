import { DataTable } from '../ui/data-table';
import { Money } from '../ui/money';

export function TierPrices({
  tiers,
  unitMinQuantity,
}: {
  tiers: { minQuantity: number; priceFen: number }[];
  unitMinQuantity: number;
}) {
  if (!tiers.length && unitMinQuantity <= 1) return null;
  return (
    <section aria-labelledby="tier-heading" className="rounded-lg bg-white p-3 text-sm ring-1 ring-neutral-200">
      <h2 id="tier-heading" className="font-medium">
        单位采购阶梯价
      </h2>
      {tiers.length ? (
        <DataTable
          caption="单位采购阶梯价"
          dense
          className="mt-2"
          rows={tiers}
          rowKey={(t) => t.minQuantity}
          columns={[
            { header: '采购数量', cell: (t) => `≥ ${t.minQuantity} 件` },
            { header: '单价', cell: (t) => <Money fen={t.priceFen} /> },
          ]}
        />
      ) : null}
      {unitMinQuantity > 1 ? <p className="mt-2 text-neutral-700">单位采购起订量：{unitMinQuantity} 件</p> : null}
    </section>
  );
}
