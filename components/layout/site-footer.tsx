import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-neutral-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-neutral-700 sm:grid-cols-3">
        <div>
          <p className="font-semibold text-neutral-900">个旧消费扶贫商城</p>
          <p className="mt-1">个旧市消费扶贫行动线上商城：经认定的扶贫产品，收益与建档立卡贫困户分享。</p>
        </div>
        <div>
          <p className="font-semibold text-neutral-900">购物与查询</p>
          <ul className="mt-1 space-y-1">
            <li>
              <Link className="underline-offset-2 hover:underline" href="/products?certified=1">
                只看认定商品
              </Link>
            </li>
            <li>
              <Link className="underline-offset-2 hover:underline" href="/verify">
                扶贫产品认定查询
              </Link>
            </li>
          </ul>
        </div>
        <div
          role="note"
          aria-label="演示数据说明"
          className="rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-300"
        >
          <p className="font-semibold">演示数据</p>
          <p className="mt-1">
            本站当前展示的商品、供应商、价格和认定证书均为演示数据，依据个旧市 2020
            年消费扶贫报道构造，不代表真实商家或真实认定结果。
          </p>
        </div>
      </div>
    </footer>
  );
}
