import { z } from 'zod';
import { cachedProduct } from '@/lib/cache/reads';
import { AppError } from '@/lib/errors';
import { productDetailJson } from '@/lib/http/product-json';
import { route } from '@/lib/http/route';

export const GET = route(
  { name: 'product api', params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) }), notFound: '商品不存在' },
  async ({ params: { slug } }) => {
    const product = await cachedProduct(slug);
    if (!product) throw new AppError('not_found', '商品不存在');
    return Response.json(productDetailJson(product), { headers: { 'Cache-Control': 'public, max-age=30' } });
  },
);
