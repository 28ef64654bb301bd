import type { FieldSpec } from '@/components/forms/action-form';
import type { getSupplierProduct } from '@/db/queries/listings';

/** The product as the editor's panels see it. */
export type EditorProduct = NonNullable<Awaited<ReturnType<typeof getSupplierProduct>>>;

/** Every panel's form carries the product id. */
export const productIdField = (p: EditorProduct): FieldSpec => ({
  name: 'productId',
  label: '',
  type: 'hidden',
  defaultValue: String(p.id),
});
