import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-2 text-neutral-700">商品可能已下架，或链接有误。</p>
      <Link
        href="/products"
        className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 font-medium text-white"
      >
        去逛逛全部商品
      </Link>
    </div>
  );
}
