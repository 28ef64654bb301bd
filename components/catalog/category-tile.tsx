import { IntentLink } from '../layout/intent-link';
import { cardClass } from '../ui/card';

/**
 * A category's tile (home page, 分类): its colour, name and how many products are listed. Prefetched on intent:
 * on sight, the home page fetched all seven listings (and /products) as it loaded.
 */
export function CategoryTile({
  href,
  name,
  color,
  count,
}: {
  href: string;
  name: string;
  color: string;
  count?: number;
}) {
  return (
    <IntentLink
      href={href}
      className={`flex h-full min-h-20 flex-col items-center justify-center gap-1 p-2 text-center hover:ring-brand-600 ${cardClass}`}
    >
      <span aria-hidden="true" className="size-6 rounded-full" style={{ background: color }} />
      <span className="text-sm font-medium">{name}</span>
      {count !== undefined ? <span className="text-xs text-neutral-600">{count} 件</span> : null}
    </IntentLink>
  );
}
