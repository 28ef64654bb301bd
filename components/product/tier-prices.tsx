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
        <table className="mt-2 w-full text-left">
          <thead>
            <tr className="text-neutral-600">
              <th scope="col" className="py-1 font-normal">
                采购数量
              </th>
              <th scope="col" className="py-1 font-normal">
                单价
              </th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((t) => (
              <tr key={t.minQuantity} className="border-t border-neutral-100">
                <td className="py-1">≥ {t.minQuantity} 件</td>
                <td className="py-1">
                  <Money fen={t.priceFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {unitMinQuantity > 1 ? <p className="mt-2 text-neutral-700">单位采购起订量：{unitMinQuantity} 件</p> : null}
    </section>
  );
}
