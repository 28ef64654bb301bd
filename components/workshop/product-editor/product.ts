import type { FieldSpec } from '../../forms/action-form';
import { hiddenField } from '../../forms/fields';
import type { getSupplierProduct } from '@/db/queries/listings';

/** The product as the editor's panels see it. */
export type EditorProduct = NonNullable<Awaited<ReturnType<typeof getSupplierProduct>>>;

/** Every panel's form carries the product id. */
export const productIdField = (p: EditorProduct): FieldSpec => hiddenField('productId', String(p.id));
