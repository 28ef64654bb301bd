import { publicOrigin } from '@/lib/http/app-url';
import { PageQrCode } from './qr-code';

/**
 * The product page's QR code, with the APP_URL the server runs with: product pages are rendered by the
 * running server on their first visit (app/(shop)/products/[slug]/page.tsx), never at build.
 */
export async function ProductQr({ slug, name }: { slug: string; name: string }) {
  const url = `${publicOrigin()}/products/${encodeURIComponent(slug)}`;
  return <PageQrCode url={url} label={`${name} 商品页二维码`} />;
}
