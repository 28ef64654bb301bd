import { removeProductImageAction, uploadProductImageAction } from '@/lib/actions/listings';
import { ProductImage } from '../../catalog/product-image';
import { ActionForm } from '../../forms/action-form';
import { ButtonForm } from '../../forms/confirm-button-form';
import { Card } from '../../ui/card';
import { productIdField, type EditorProduct } from './product';

/** The product's photos, each removable, and the upload form. */
export function PhotosPanel({ p }: { p: EditorProduct }) {
  return (
    <Card title="图片" titleId="images">
      <p className="mt-1 text-sm text-neutral-700">
        JPEG、PNG 或 WebP，最大 5 MB，至少 200×200 像素。上传后自动转为多种尺寸。
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {p.images.map((img) => (
          <li key={img.id} className="space-y-1">
            <ProductImage sha={img.sha256} alt={img.alt || p.name} className="rounded-lg" />
            <ButtonForm
              action={removeProductImageAction}
              values={{ productId: String(p.id), imageId: String(img.id) }}
              label="删除"
              variant="secondary"
              accessibleLabel={`删除第 ${img.position + 1} 张图片`}
            />
          </li>
        ))}
      </ul>
      <ActionForm
        idPrefix="img-"
        action={uploadProductImageAction}
        submitLabel="上传图片"
        className="mt-3"
        fields={[
          productIdField(p),
          { name: 'image', label: '选择图片', type: 'file', accept: 'image/jpeg,image/png,image/webp' },
          { name: 'alt', label: '图片说明（可选）', placeholder: '如 绣娘手工绣制' },
        ]}
      />
    </Card>
  );
}
