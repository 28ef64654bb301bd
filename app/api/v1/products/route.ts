import { cachedSearch } from '@/lib/cache/reads';
import { AppError } from '@/lib/errors';
import { productListItemJson } from '@/lib/http/product-json';
import { route } from '@/lib/http/route';
import { parseCatalogQuery } from '@/lib/validation/catalog';

/** GET /api/v1/products?q=&category=&township=&supplier=&certified=&minPrice=&maxPrice=&sort=&page=&pageSize= */
export const GET = route({ name: 'products api' }, async ({ req }) => {
  const { query, errors } = parseCatalogQuery(Object.fromEntries(new URL(req.url).searchParams));
  if (Object.keys(errors).length) throw new AppError('invalid_input', '查询参数有误', errors as Record<string, string>);
  const r = await cachedSearch(query);
  return Response.json(
    { items: r.items.map(productListItemJson), total: r.total, page: r.page, pageSize: r.pageSize },
    { headers: { 'Cache-Control': 'public, max-age=30' } },
  );
});
