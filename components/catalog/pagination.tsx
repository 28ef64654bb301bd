import { IntentLink } from '@/components/layout/intent-link';
import { catalogHref, type CatalogQuery } from '@/lib/validation/catalog';

export function Pagination({ query, total }: { query: CatalogQuery; total: number }) {
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  if (pages <= 1) return null;
  const link = 'flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 ring-1 ring-neutral-300 bg-white';
  const window = [query.page - 2, query.page - 1, query.page, query.page + 1, query.page + 2].filter(
    (p) => p >= 1 && p <= pages,
  );
  return (
    <nav aria-label="分页" className="mt-6 flex flex-wrap items-center justify-center gap-2">
      {query.page > 1 ? (
        <IntentLink className={link} href={catalogHref({ ...query, page: query.page - 1 })} rel="prev">
          上一页
        </IntentLink>
      ) : null}
      {window.map((p) =>
        p === query.page ? (
          <span key={p} aria-current="page" className={`${link} bg-brand-600 text-white ring-brand-600`}>
            {p}
          </span>
        ) : (
          <IntentLink key={p} className={link} href={catalogHref({ ...query, page: p })} aria-label={`第 ${p} 页`}>
            {p}
          </IntentLink>
        ),
      )}
      {query.page < pages ? (
        <IntentLink className={link} href={catalogHref({ ...query, page: query.page + 1 })} rel="next">
          下一页
        </IntentLink>
      ) : null}
      <span className="w-full text-center text-sm text-neutral-600">
        第 {Math.min(query.page, pages)} / {pages} 页，共 {total} 件
      </span>
    </nav>
  );
}
