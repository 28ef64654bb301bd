import { UserNav } from '../auth/user-nav';
import { CartLink } from './cart-link';
import { IntentLink } from './intent-link';

const SECTIONS = [
  { href: '/', label: '首页' },
  { href: '/products', label: '全部商品' },
  { href: '/categories', label: '分类' },
  { href: '/products?category=embroidery', label: '幸福刺绣' },
  { href: '/livestreams', label: '直播' },
  { href: '/verify', label: '认定查询' },
  { href: '/impact', label: '消费帮扶成效' },
];

/**
 * Phones: one compact row (logo, search, cart); the sections live in the bottom tab bar. From 768 px:
 * the name, search, cart and account on the first row, the sections (主导航) on the second.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-neutral-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-1.5 md:gap-4 md:px-4 md:py-2">
        <IntentLink href="/" className="flex min-h-11 shrink-0 items-center gap-2 font-bold text-brand-700">
          <span
            aria-hidden="true"
            className="grid size-9 place-items-center rounded-lg bg-brand-600 text-base text-white"
          >
            扶
          </span>
          <span className="sr-only text-lg md:not-sr-only">个旧消费扶贫商城</span>
        </IntentLink>
        <form action="/products" role="search" className="flex min-w-0 flex-1 md:max-w-xl">
          <label htmlFor="site-search" className="sr-only">
            搜索商品
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            maxLength={50}
            placeholder="搜索：米、茶叶、刺绣…"
            className="h-11 min-w-0 flex-1 rounded-l-full border border-r-0 border-neutral-300 bg-white pr-2 pl-4 text-base"
          />
          <button
            type="submit"
            className="h-11 shrink-0 rounded-r-full bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
          >
            搜索
          </button>
        </form>
        <CartLink className="shrink-0 md:order-last" />
        <nav aria-label="账户" className="hidden items-center gap-1 text-sm md:ml-auto md:flex">
          <UserNav />
        </nav>
      </div>
      <nav aria-label="主导航" className="hidden border-t border-neutral-100 md:block">
        <ul className="mx-auto flex max-w-6xl items-center gap-1 px-2 text-sm">
          {SECTIONS.map((s) => (
            <li key={s.href}>
              <IntentLink href={s.href} className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
                {s.label}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
