import QRCode from 'qrcode';
import { cardClass } from '../ui/card';

/** 扫一扫在手机打开: a QR code of the page's public address, as printed on programme material. */
export async function PageQrCode({ url, label }: { url: string; label: string }) {
  const svg = await QRCode.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#1c1917', light: '#ffffff' },
  });
  return (
    <figure className={`flex items-center gap-3 p-3 ${cardClass}`}>
      <div role="img" aria-label={label} className="size-24 shrink-0" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="text-sm text-neutral-700">
        <span className="block font-medium text-neutral-900">扫一扫在手机打开</span>
        <span className="break-all">{url}</span>
      </figcaption>
    </figure>
  );
}
