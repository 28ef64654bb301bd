import type { NextRequest } from 'next/server';
import { cachedSearch } from '@/lib/cache/reads';
import { apiError } from '@/lib/http/errors';
import { productListItemJson } from '@/lib/http/product-json';
import { parseCatalogQuery } from '@/lib/validation/catalog';

/** GET /api/v1/products?q=&category=&township=&supplier=&certified=&minPrice=&maxPrice=&sort=&page=&pageSize= */
export async function GET(req: NextRequest): Promise<Response> {
  const raw = Object.fromEntries(req.nextUrl.searchParams);
  const { query, errors } = parseCatalogQuery(raw);
  if (Object.keys(errors).length) {
    return apiError('invalid_input', '查询参数有误', errors as Record<string, string>);
  }
  const r = await cachedSearch(query);
  return Response.json(
    { items: r.items.map(productListItemJson), total: r.total, page: r.page, pageSize: r.pageSize },
    { headers: { 'Cache-Control': 'public, max-age=30' } },
  );
}
