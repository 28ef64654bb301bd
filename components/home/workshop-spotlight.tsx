import { IntentLink } from '../layout/intent-link';
import type { ProductCard as Card } from '@/db/queries/catalog';
import { ProductGrid } from '../catalog/product-card';

export function WorkshopSpotlight({ products }: { products: Card[] }) {
  return (
    <section aria-labelledby="workshop-heading" className="rounded-2xl bg-brand-800 p-5 text-white sm:p-8">
      <p className="text-sm text-brand-100">大屯街道 · 易地扶贫搬迁安置点</p>
      <h2 id="workshop-heading" className="mt-1 text-2xl font-bold">
        大屯幸福社区刺绣扶贫车间
      </h2>
      <p className="mt-2 max-w-2xl text-brand-50">
        车间带动 46 名无法外出务工的搬迁妇女在家门口就业。彝绣、哈尼绣一针一线手工完成，绣娘通过直播带货把作品卖到全国。
      </p>
      <div className="mt-5 text-neutral-900">
        <ProductGrid products={products} label="刺绣扶贫车间精选" />
      </div>
      <IntentLink
        href="/products?supplier=datun-xingfu-embroidery"
        className="mt-5 inline-flex min-h-11 items-center rounded-lg bg-white px-4 font-medium text-brand-800 hover:bg-brand-50"
      >
        查看全部刺绣作品
      </IntentLink>
    </section>
  );
}
