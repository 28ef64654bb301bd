import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '@/components/auth/forbidden';
import { ProductImage } from '@/components/catalog/product-image';
import { Money } from '@/components/ui/money';
import { WorkshopShell } from '@/components/workshop/workshop-nav';
import { getSupplierForManager } from '@/db/queries/suppliers';
import { listSupplierProducts } from '@/db/queries/listings';
import { pageUser } from '@/lib/auth/page-guard';
import { PRODUCT_STATUS_LABELS } from '@/domain/labels';
import { LOW_STOCK } from '@/domain/listing';

export const metadata: Metadata = { title: '商品管理', robots: { index: false } };

export default function WorkshopProductsPage() {
  return (
    <WorkshopShell title="商品管理" current="/workshop/products">
      <Products />
    </WorkshopShell>
  );
}

const tone = {
  draft: 'bg-neutral-100 text-neutral-800',
  in_review: 'bg-amber-50 text-amber-900',
  listed: 'bg-cert-50 text-cert-800',
  delisted: 'bg-neutral-100 text-neutral-700',
} as const;

async function Products() {
  const user = await pageUser('/workshop/products');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const suppliers = (await Promise.all(user.supplierIds.map((id) => getSupplierForManager({ supplierId: id })))).filter(
    (s) => s !== null,
  );
  const lists = await Promise.all(suppliers.map((s) => listSupplierProducts({ supplierId: s.id })));
  return (
    <div className="space-y-6">
      {suppliers.map((s, i) => (
        <section key={s.id} aria-labelledby={`ps-${s.id}`}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id={`ps-${s.id}`} className="text-lg font-semibold">
              {s.name}
              <span className="ml-2 text-sm font-normal text-neutral-600">{lists[i]!.length} 件商品</span>
            </h2>
            <Link
              href={`/workshop/products/new?supplier=${s.id}`}
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
            >
              新增商品
            </Link>
          </div>
          <ul className="mt-3 divide-y divide-neutral-200 rounded-xl bg-white ring-1 ring-neutral-200">
            {lists[i]!.map((p) => (
              <li key={p.id}>
                <Link href={`/workshop/products/${p.id}`} className="flex items-center gap-3 p-3 hover:bg-neutral-50">
                  <div className="w-14 shrink-0 overflow-hidden rounded-md">
                    <ProductImage sha={p.imageSha} alt="" />
                  </div>
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {p.name} <span className="text-sm font-normal text-neutral-600">{p.spec}</span>
                    </p>
                    <p className="text-sm text-neutral-700">
                      {p.code} · <Money fen={p.priceFen} /> · 库存{' '}
                      <span className={p.stock <= LOW_STOCK ? 'font-semibold text-brand-700' : ''}>{p.stock}</span> ·
                      已售 {p.salesCount}
                      {p.overpriced ? <span className="ml-1 font-medium text-brand-700">· 高于参考价 30%</span> : null}
                    </p>
                  </div>
                  <span className={`shrink-0 rounded-md px-2 py-0.5 text-xs font-medium ${tone[p.status]}`}>
                    {PRODUCT_STATUS_LABELS[p.status]}
                    {p.status === 'listed' && !p.inForce ? '（认定已失效）' : ''}
                  </span>
                </Link>
              </li>
            ))}
            {lists[i]!.length ? null : <li className="p-4 text-neutral-700">还没有商品。点「新增商品」开始。</li>}
          </ul>
        </section>
      ))}
    </div>
  );
}
