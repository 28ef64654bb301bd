import { updateProductAction } from '@/lib/actions/listings';
import { ActionForm } from '../../forms/action-form';
import { Card } from '../../ui/card';
import { listingFields } from '../listing-fields';
import { productIdField, type EditorProduct } from './product';

/** Name, category, description, prices and tiers. */
export function BasicsPanel({ p, categories }: { p: EditorProduct; categories: { slug: string; name: string }[] }) {
  return (
    <Card title="基本信息" titleId="basic">
      <ActionForm
        idPrefix="e-"
        action={updateProductAction}
        submitLabel="保存"
        className="mt-3"
        fields={[productIdField(p), ...listingFields(categories, p)]}
      />
    </Card>
  );
}
