import { ButtonLink } from '@/components/ui/button';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-2 text-neutral-700">商品可能已下架，或链接有误。</p>
      <ButtonLink href="/products" className="mt-6">
        去逛逛全部商品
      </ButtonLink>
    </div>
  );
}
