import type { ProductDetail } from '@/db/queries/product';
import { ProductImage } from '../catalog/product-image';

/** Square photos that swipe sideways on phones and stack on wide screens; the first is the page's LCP. */
export function ProductGallery({ images, name }: { images: ProductDetail['images']; name: string }) {
  const [first, ...rest] = images;
  return (
    <ul
      aria-label="商品图片"
      tabIndex={0}
      className="-mx-4 flex snap-x snap-mandatory gap-2 overflow-x-auto md:mx-0 md:flex-col md:overflow-visible md:rounded-xl"
    >
      {first ? (
        <li className="w-full shrink-0 snap-center overflow-hidden md:rounded-xl">
          <ProductImage
            sha={first.sha256}
            alt={first.alt || name}
            variants={first.variants}
            sizes="(min-width: 768px) 560px, 100vw"
            priority
          />
        </li>
      ) : (
        <li className="w-full shrink-0">
          <ProductImage sha={null} alt={name} />
        </li>
      )}
      {rest.map((img) => (
        <li key={img.sha256} className="w-full shrink-0 snap-center overflow-hidden md:rounded-xl">
          <ProductImage
            sha={img.sha256}
            alt={img.alt || name}
            variants={img.variants}
            sizes="(min-width: 768px) 560px, 100vw"
          />
        </li>
      ))}
    </ul>
  );
}
