import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Suspense } from 'react';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { ActionForm } from '@/components/forms/action-form';
import { Money } from '@/components/ui/money';
import { listAddresses } from '@/lib/accounts/addresses';
import { checkoutAction } from '@/lib/actions/cart';
import { buyNowLines, currentCart } from '@/lib/cart/current';
import { cartLineSchema } from '@/lib/validation/orders';
import { hiddenField } from '@/components/forms/fields';
import { priceOrder } from '@/domain/checkout';
import { paymentSimulatorOn } from '@/lib/payments/stripe';
import { Card, cardClass } from '@/components/ui/card';
import { CHECKOUT_METHOD_LABELS, PaymentMark } from '@/components/checkout/payment-mark';
import { configuredProviders } from '@/lib/payments/providers';

export const metadata: Metadata = { title: '结算', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** 立即购买 sends ?buy=<slug>&qty=<n>: that item alone; the cart is not touched. */
async function buyNowOf(searchParams: SearchParams) {
  const q = await searchParams;
  const line = cartLineSchema.safeParse({ slug: q.buy, quantity: q.qty });
  return line.success && line.data.quantity > 0 ? line.data : null;
}

export default function CheckoutPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">结算</h1>
      <Suspense fallback={<PageSkeleton />}>
        <Checkout searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Checkout({ searchParams }: { searchParams: SearchParams }) {
  const buy = await buyNowOf(searchParams);
  const { user, lines } = buy ? await buyNowLines(buy) : await currentCart();
  if (!lines.length) {
    return (
      <p className={`p-6 text-center ${cardClass}`}>
        购物车是空的。
        <IntentLink href="/products" className="font-medium text-brand-700 underline underline-offset-2">
          去挑选商品
        </IntentLink>
      </p>
    );
  }
  const saved = user ? (await listAddresses({ userId: user.id }))[0] : undefined;
  const methods = configuredProviders();
  const totals = priceOrder(lines.map((l, i) => ({ productId: i, quantity: l.quantity, unitPriceFen: l.priceFen })));
  return (
    <div className="space-y-4">
      <Card title={buy ? '立即购买' : '商品清单'} titleId="summary" padding="md">
        {buy ? <p className="mt-1 text-sm text-neutral-700">只结算这件商品，购物车中的商品保持不变。</p> : null}
        <ul className="mt-2 divide-y divide-neutral-100 text-sm">
          {lines.map((l) => (
            <li key={l.slug} className="flex justify-between gap-2 py-2">
              <span>
                {l.name}（{l.spec}）× {l.quantity}
              </span>
              <Money fen={BigInt(l.priceFen) * BigInt(l.quantity)} />
            </li>
          ))}
        </ul>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-1 border-t border-neutral-100 pt-2 text-sm">
          <dt>运费</dt>
          <dd>{totals.shippingFen === 0n ? '免运费' : <Money fen={totals.shippingFen} />}</dd>
          <dt className="font-semibold">应付合计</dt>
          <dd className="font-semibold text-brand-700">
            <Money fen={totals.totalFen} />
          </dd>
        </dl>
        <p className="mt-2 text-xs text-neutral-600">价格以提交订单时为准；提交后库存为您保留 30 分钟。</p>
      </Card>
      <Card title="收货信息" titleId="ship" padding="md">
        <ActionForm
          action={checkoutAction}
          submitLabel="提交订单"
          className="mt-3"
          fields={[
            ...(buy ? [hiddenField('buySlug', buy.slug), hiddenField('buyQty', String(buy.quantity))] : []),
            { name: 'name', label: '收货人', autoComplete: 'name', defaultValue: saved?.recipient ?? user?.name },
            {
              name: 'mobile',
              label: '手机号',
              type: 'tel',
              inputMode: 'tel',
              autoComplete: 'tel',
              defaultValue: saved?.mobile,
            },
            { name: 'province', label: '省', defaultValue: saved?.province ?? '云南省' },
            { name: 'city', label: '市（州）', defaultValue: saved?.city ?? '红河哈尼族彝族自治州' },
            { name: 'district', label: '区县', defaultValue: saved?.district ?? '个旧市' },
            {
              name: 'detail',
              label: '详细地址',
              autoComplete: 'street-address',
              defaultValue: saved?.detail,
              wide: true,
            },
            { name: 'invoiceTitle', label: '发票抬头（可选）' },
            { name: 'invoiceTaxNo', label: '税号（可选）', hint: '18 位统一社会信用代码' },
            {
              name: 'paymentMethod',
              label: '支付方式',
              type: 'radio',
              options: methods.map((m) => ({
                value: m,
                label: CHECKOUT_METHOD_LABELS[m],
                mark: <PaymentMark method={m} />,
              })),
            },
          ]}
        />
        {paymentSimulatorOn() ? (
          <p className="mt-3 text-sm text-amber-900">
            {methods.length > 1
              ? '选择演示支付时，提交后进入模拟付款页面，不会真实扣款。'
              : '当前为演示支付：提交后进入模拟付款页面，不会真实扣款。'}
          </p>
        ) : null}
      </Card>
    </div>
  );
}
