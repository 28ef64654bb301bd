import { getImageBySha } from '@/db/queries/product';

/** Images by content hash. The hash names the bytes, so responses are immutable. */
export async function GET(_req: Request, { params }: { params: Promise<{ sha: string }> }): Promise<Response> {
  const { sha } = await params;
  if (!/^[0-9a-f]{64}$/.test(sha)) return new Response('图片不存在', { status: 404 });
  const img = await getImageBySha({ sha256: sha });
  if (!img) return new Response('图片不存在', { status: 404 });
  return new Response(Buffer.from(img.bytes), {
    headers: {
      'Content-Type': img.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // Only re-encoded photos (WebP) open in the browser; anything else (the seed's SVGs) downloads.
      'Content-Disposition': img.contentType === 'image/webp' ? 'inline' : 'attachment',
      // SVG is an active format: never let it run script, even when opened directly (next.config.mjs).
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
