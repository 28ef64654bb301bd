import { CatalogSkeleton } from '@/components/catalog/catalog-results';

export default function Loading() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6" aria-busy="true">
      <p className="sr-only">正在加载…</p>
      <div className="h-8 w-40 animate-pulse rounded bg-neutral-200" />
      <CatalogSkeleton />
    </div>
  );
}
