import { cardClass } from './card';

/** The grey blocks shown while a page's data streams in. */
export function PageSkeleton({ title = false }: { title?: boolean }) {
  return (
    <div aria-busy="true" className="space-y-3">
      <p className="sr-only">正在加载…</p>
      {title ? <div aria-hidden="true" className="h-8 w-40 animate-pulse rounded bg-neutral-200" /> : null}
      <div aria-hidden="true" className={`h-24 animate-pulse ${cardClass}`} />
      <div aria-hidden="true" className={`h-48 animate-pulse ${cardClass}`} />
    </div>
  );
}
