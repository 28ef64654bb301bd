import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { BasicsPanel } from '@/components/workshop/product-editor/basics-panel';
import { CertificatesPanel } from '@/components/workshop/product-editor/certificates-panel';
import { EditorHeader } from '@/components/workshop/product-editor/editor-header';
import { PhotosPanel } from '@/components/workshop/product-editor/photos-panel';
import { StockPanel } from '@/components/workshop/product-editor/stock-panel';
import { listCategories } from '@/db/queries/facets';
import { getProductSupplierId, getSupplierProduct } from '@/db/queries/listings';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '编辑商品', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

/** The product editor: its header, then one panel per part of the listing. */
export default async function EditProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const productId = /^[1-9][0-9]{0,8}$/.test(id) ? Number(id) : 0;
  const user = await pageUser(`/workshop/products/${id}`);
  const supplierId = productId ? await getProductSupplierId({ productId }) : null;
  // Another supplier's product looks exactly like a missing one.
  if (supplierId === null || !user.supplierIds.includes(supplierId))
    return <Forbidden message="商品不存在，或不属于您管理的供应商。" />;
  const [p, categories] = await Promise.all([getSupplierProduct({ productId, supplierId }), listCategories()]);
  if (!p) return <Forbidden message="商品不存在。" />;
  const created = (await searchParams).created === '1';
  return (
    <>
      <EditorHeader p={p} created={created} />
      <div className="mt-4 space-y-4">
        <BasicsPanel p={p} categories={categories} />
        <PhotosPanel p={p} />
        <StockPanel p={p} />
        <CertificatesPanel p={p} />
      </div>
    </>
  );
}
