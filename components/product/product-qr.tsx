import { connection } from 'next/server';
import { publicOrigin } from '@/lib/http/app-url';
import { PageQrCode } from './qr-code';

/**
 * The product page's QR code. Rendered per request (the rest of the page is a static shell), so that it
 * prints the APP_URL the server runs with, not the one it was built with.
 */
export async function ProductQr({ slug, name }: { slug: string; name: string }) {
  await connection();
  const url = `${await publicOrigin()}/products/${encodeURIComponent(slug)}`;
  return <PageQrCode url={url} label={`${name} 商品页二维码`} />;
}
