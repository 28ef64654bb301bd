/** Product photos are square and served by content hash from /media (immutable, shared by all instances). */
export function ProductImage({
  sha,
  alt,
  priority = false,
  className = '',
  variants,
  sizes,
}: {
  sha: string | null;
  alt: string;
  priority?: boolean;
  className?: string;
  /** Uploaded photos come in several widths (WebP); generated art has none. */
  variants?: { width: number; sha256: string }[];
  sizes?: string;
}) {
  if (!sha) {
    return (
      <div className={`grid aspect-square place-items-center bg-neutral-100 text-sm text-neutral-600 ${className}`}>
        暂无图片
      </div>
    );
  }
  return (
    // Generated SVG art needs no resizing; next/image would only add a round trip.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`/media/${sha}`}
      srcSet={variants?.length ? variants.map((v) => `/media/${v.sha256} ${v.width}w`).join(', ') : undefined}
      sizes={variants?.length ? (sizes ?? '(min-width: 640px) 300px, 50vw') : undefined}
      alt={alt}
      width={600}
      height={600}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : 'auto'}
      decoding="async"
      className={`aspect-square w-full bg-neutral-100 object-cover ${className}`}
    />
  );
}
