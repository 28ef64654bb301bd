import type { Metadata } from 'next';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { PageHeading } from '@/components/ui/page-heading';
import { listingFields } from '@/components/workshop/listing-fields';
import { listManagedSuppliers } from '@/db/queries/suppliers';
import { listCategories } from '@/db/queries/facets';
import { createProductAction } from '@/lib/actions/listings';
import { pageUser } from '@/lib/auth/page-guard';
import { hiddenField } from '@/components/forms/fields';

export const metadata: Metadata = { title: '新增商品', robots: { index: false } };

export default async function NewProductPage({ searchParams }: { searchParams: Promise<{ supplier?: string }> }) {
  const user = await pageUser('/workshop/products/new');
  if (!user.supplierIds.length) return <Forbidden message="您的账号不是任何供应商的管理员。" />;
  const wanted = Number((await searchParams).supplier);
  const [own, categories] = await Promise.all([
    listManagedSuppliers({ supplierIds: user.supplierIds }),
    listCategories(),
  ]);
  const chosen = own.find((s) => s.id === wanted) ?? own[0]!;
  return (
    <>
      <PageHeading title="新增商品" />
      <p className="mb-4 text-sm text-neutral-700">
        先保存为草稿，再上传图片、提交扶贫产品认定证书，然后「提交审核」。消费扶贫办公室审核通过后商品上架，并显示「消费扶贫认定」标识。
      </p>
      <ActionForm
        action={createProductAction}
        submitLabel="保存草稿"
        fields={[
          own.length > 1
            ? {
                name: 'supplierId',
                label: '供应商',
                type: 'select',
                defaultValue: String(chosen.id),
                options: own.map((s) => ({ value: String(s.id), label: s.name })),
              }
            : hiddenField('supplierId', String(chosen.id)),
          ...listingFields(categories),
          { name: 'stock', label: '初始库存', inputMode: 'numeric', defaultValue: '0' },
        ]}
      />
    </>
  );
}
