import { IntentLink } from '@/components/layout/intent-link';
import type { ActionResult } from '@/lib/actions/safe-action';
import { priceOrder } from '@/domain/checkout';
import { ProductImage } from '../catalog/product-image';
import { ButtonForm } from '../forms/confirm-button-form';
import { Money, Price } from '../ui/money';
import { Card, cardClass } from '../ui/card';
import { ButtonLink } from '../ui/button';
import { CartCountSync } from './cart-count-sync';

export type CartViewLine = {
  slug: string;
  name: string;
  spec: string;
  priceFen: number;
  stock: number;
  imageSha: string | null;
  quantity: number;
};

type SetQuantity = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** The cart's lines and totals; `setQuantity` is setCartQuantityAction, followed by a reload of the lines. */
export function CartView({ lines, setQuantity }: { lines: CartViewLine[]; setQuantity: SetQuantity }) {
  if (!lines.length) {
    return (
      <Card padding="none" className="p-8 text-center">
        <CartCountSync count={0} />
        <p className="text-lg font-medium">购物车是空的</p>
        <p className="mt-1 text-neutral-700">去挑选个旧的认定好物吧。</p>
        <ButtonLink href="/products?certified=1" className="mt-4">
          去逛逛
        </ButtonLink>
      </Card>
    );
  }
  const totals = priceOrder(lines.map((l, i) => ({ productId: i, quantity: l.quantity, unitPriceFen: l.priceFen })));
  const short = lines.filter((l) => l.quantity > l.stock);
  return (
    <div className="pb-24 md:pb-0">
      <CartCountSync count={lines.reduce((n, l) => n + l.quantity, 0)} />
      <ul aria-label="购物车商品" className={`divide-y divide-neutral-100 ${cardClass}`}>
        {lines.map((l) => (
          <li key={l.slug} className="flex gap-3 p-3">
            <IntentLink href={`/products/${l.slug}`} className="w-20 shrink-0 overflow-hidden rounded-lg">
              <ProductImage sha={l.imageSha} alt={l.name} />
            </IntentLink>
            <div className="min-w-0 flex-1">
              <IntentLink href={`/products/${l.slug}`} className="font-medium hover:text-brand-700">
                {l.name}
              </IntentLink>
              <p className="text-sm text-neutral-600">{l.spec}</p>
              <Price fen={l.priceFen} size="sm" />
              {l.quantity > l.stock ? (
                <p className="text-sm font-medium text-brand-700">
                  {l.stock > 0 ? `库存不足：仅剩 ${l.stock} 件，请减少数量` : '已售罄，请删除'}
                </p>
              ) : (
                <p className="text-xs text-neutral-600">库存 {l.stock} 件</p>
              )}
              <div className="mt-1 flex flex-wrap items-center gap-2">
                <ButtonForm
                  action={setQuantity}
                  values={{ slug: l.slug, quantity: String(l.quantity - 1) }}
                  label="−"
                  variant="secondary"
                  accessibleLabel={`减少 ${l.name} 的数量`}
                />
                <span className="min-w-8 text-center tabular" aria-label={`${l.name} 数量`}>
                  {l.quantity}
                </span>
                <ButtonForm
                  action={setQuantity}
                  values={{ slug: l.slug, quantity: String(Math.min(l.quantity + 1, 10_000)) }}
                  label="+"
                  variant="secondary"
                  accessibleLabel={`增加 ${l.name} 的数量`}
                />
                <ButtonForm
                  action={setQuantity}
                  values={{ slug: l.slug, quantity: '0' }}
                  label="删除"
                  variant="danger"
                  accessibleLabel={`删除 ${l.name}`}
                />
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="fixed inset-x-0 bottom-(--tab-bar-h) z-20 border-t border-neutral-200 bg-white p-3 md:static md:mt-4 md:rounded-xl md:border-0 md:ring-1 md:ring-neutral-200">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3">
          <div className="text-sm">
            <p>
              合计 <Price fen={totals.totalFen} />
            </p>
            <p className="text-neutral-600">
              商品 <Money fen={totals.itemsFen} /> · 运费{' '}
              {totals.shippingFen === 0n ? '免运费' : <Money fen={totals.shippingFen} />}
            </p>
          </div>
          {short.length ? (
            <span className="text-sm text-brand-700">请先调整库存不足的商品</span>
          ) : (
            <ButtonLink href="/checkout">去结算</ButtonLink>
          )}
        </div>
      </div>
    </div>
  );
}
