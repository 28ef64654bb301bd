import { sql } from 'drizzle-orm';
import { getDb, rowsOf } from '@/db/client';

export const contact = { name: '测试买家', mobile: '13912345678' };
export const address = {
  province: '云南省',
  city: '红河哈尼族彝族自治州',
  district: '个旧市',
  detail: '金湖东路 1 号',
};

export async function setStock(slug: string, stock: number): Promise<void> {
  await getDb().execute(sql`update products set stock = ${stock} where slug = ${slug}`);
}

export async function stockOf(slug: string): Promise<number> {
  return rowsOf<{ stock: number }>(await getDb().execute(sql`select stock from products where slug = ${slug}`))[0]!
    .stock;
}

export async function scalar(q: ReturnType<typeof sql>): Promise<string> {
  const row = rowsOf<Record<string, unknown>>(await getDb().execute(q))[0]!;
  return String(Object.values(row)[0]);
}

export function orderRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/v1/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
