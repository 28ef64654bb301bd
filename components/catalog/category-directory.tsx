import { IntentLink } from '@/components/layout/intent-link';
import { catalogHref } from '@/lib/validation/catalog';
import { CategoryTile } from './category-tile';

type Facets = {
  categories: { slug: string; name: string; color: string; productCount: number }[];
  townships: { slug: string; name: string }[];
  suppliers: { slug: string; name: string }[];
};

function LinkChips({ id, title, links }: { id: string; title: string; links: { href: string; label: string }[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <IntentLink
              href={l.href}
              className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm ring-1 ring-neutral-300 hover:ring-brand-600"
            >
              {l.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 分类 (the tab bar's second tab): categories first, then where the products come from and who makes them. */
export function CategoryDirectory({ facets }: { facets: Facets }) {
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-4">
      <section aria-labelledby="cats-h">
        <h1 id="cats-h" className="mb-3 text-xl font-bold">
          商品分类
        </h1>
        <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-8">
          <li>
            <CategoryTile href="/products" name="全部商品" color="var(--color-brand-600)" />
          </li>
          {facets.categories.map((c) => (
            <li key={c.slug}>
              <CategoryTile
                href={catalogHref({ category: c.slug })}
                name={c.name}
                color={c.color}
                count={c.productCount}
              />
            </li>
          ))}
        </ul>
        <IntentLink
          href={catalogHref({ certifiedOnly: true })}
          className="mt-3 inline-flex min-h-11 items-center font-medium text-cert-800 underline underline-offset-2"
        >
          只看消费扶贫认定商品
        </IntentLink>
      </section>
      <LinkChips
        id="towns-h"
        title="按产地（镇街）"
        links={facets.townships.map((t) => ({ href: catalogHref({ township: t.slug }), label: t.name }))}
      />
      <LinkChips
        id="sups-h"
        title="合作社与帮扶车间"
        links={facets.suppliers.map((s) => ({ href: catalogHref({ supplier: s.slug }), label: s.name }))}
      />
    </div>
  );
}
