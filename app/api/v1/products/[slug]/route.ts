import { cachedProduct } from '@/lib/cache/reads';
import { apiError } from '@/lib/http/errors';
import { productDetailJson } from '@/lib/http/product-json';

export async function GET(_req: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return apiError('not_found', '商品不存在');
  const product = await cachedProduct(slug);
  if (!product) return apiError('not_found', '商品不存在');
  return Response.json(productDetailJson(product), { headers: { 'Cache-Control': 'public, max-age=30' } });
}
