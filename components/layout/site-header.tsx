import Link from 'next/link';
import { UserNav } from '../auth/user-nav';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-neutral-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center gap-2 font-bold text-brand-700">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm text-white"
          >
            扶
          </span>
          <span className="text-lg">个旧消费扶贫商城</span>
        </Link>
        <form
          action="/products"
          role="search"
          className="order-last flex w-full min-w-0 sm:order-none sm:w-auto sm:flex-1"
        >
          <label htmlFor="site-search" className="sr-only">
            搜索商品
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            maxLength={50}
            placeholder="搜索：茶叶、刺绣、芒果…"
            className="h-11 min-w-0 flex-1 rounded-l-lg border border-r-0 border-neutral-300 bg-white px-3 text-base"
          />
          <button
            type="submit"
            className="h-11 rounded-r-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
          >
            搜索
          </button>
        </form>
        <nav
          aria-label="主导航"
          className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-1 overflow-x-auto px-3 text-sm whitespace-nowrap sm:order-none sm:mx-0 sm:ml-auto sm:w-auto sm:px-0"
        >
          <Link href="/products" className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
            全部商品
          </Link>
          <Link
            href="/products?category=embroidery"
            className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100"
          >
            幸福刺绣
          </Link>
          <Link href="/livestreams" className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
            直播
          </Link>
          <Link href="/verify" className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
            认定查询
          </Link>
          <Link href="/cart" className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
            购物车
          </Link>
          <UserNav />
        </nav>
      </div>
    </header>
  );
}
