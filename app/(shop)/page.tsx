import { IntentLink } from '@/components/layout/intent-link';
import { CategoryTile } from '@/components/catalog/category-tile';
import { ProductGrid } from '@/components/catalog/product-card';
import { TargetTeaser } from '@/components/home/target-teaser';
import { WorkshopSpotlight } from '@/components/home/workshop-spotlight';
import { cachedFacets, cachedFeatured, cachedSupplierProducts, cachedTargetProgress } from '@/lib/cache/reads';

export default async function HomePage() {
  const [facets, featured, embroidery, progress] = await Promise.all([
    cachedFacets(),
    cachedFeatured(8),
    cachedSupplierProducts('datun-xingfu-embroidery', 4),
    cachedTargetProgress(),
  ]);
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-6">
      <section className="grid gap-4 md:grid-cols-[1.4fr_1fr]">
        <div className="rounded-2xl bg-gradient-to-br from-brand-600 to-brand-800 p-6 text-white">
          <h1 className="text-2xl font-bold sm:text-3xl">买个旧好物，助乡亲增收</h1>
          <p className="mt-3 max-w-xl text-brand-50">
            个旧市消费帮扶线上商城。认定产品来自合作社、就业帮扶车间和带动脱贫户增收的企业，销售收益按约定与脱贫户、监测对象分享。
          </p>
          <div className="mt-5 flex flex-wrap gap-3">
            <IntentLink
              href="/products?certified=1"
              className="inline-flex min-h-11 items-center rounded-lg bg-white px-4 font-medium text-brand-800"
            >
              选购认定商品
            </IntentLink>
            <IntentLink
              href="/verify"
              className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium text-white ring-1 ring-white/70"
            >
              查询认定证书
            </IntentLink>
          </div>
        </div>
        <TargetTeaser countedFen={progress.countedFen} targetFen={progress.targetFen} />
      </section>

      <section aria-labelledby="cat-heading">
        <h2 id="cat-heading" className="mb-3 text-xl font-semibold">
          商品分类
        </h2>
        <ul className="grid grid-cols-4 gap-2 sm:grid-cols-7">
          {facets.categories.map((c) => (
            <li key={c.slug}>
              <CategoryTile
                href={`/products?category=${c.slug}`}
                name={c.name}
                color={c.color}
                count={c.productCount}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="featured-heading">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="featured-heading" className="text-xl font-semibold">
            精选好物
          </h2>
          <IntentLink
            href="/products"
            className="flex min-h-11 items-center text-sm text-brand-700 underline underline-offset-2"
          >
            全部商品
          </IntentLink>
        </div>
        <ProductGrid products={featured} label="精选好物" priorityCount={2} />
      </section>

      <WorkshopSpotlight products={embroidery} />
    </div>
  );
}
