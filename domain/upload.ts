/**
 * Upload rules: a file is what its bytes say, never what its name or the browser's type says. Only
 * JPEG, PNG and WebP photos (and PDF for certificates) are accepted; size and pixel count are capped
 * before anything is decoded, so a decompression bomb is refused from its header.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** 40 megapixels: more than any phone photo, far less than a bomb (20000×20000 = 400 MP). */
export const MAX_UPLOAD_PIXELS = 40_000_000;
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

export type SniffedType = 'jpeg' | 'png' | 'webp' | 'pdf';

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** The file's real type from its leading bytes, or null for anything else (SVG, executables, HTML, …). */
export function sniffType(b: Uint8Array): SniffedType | null {
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp';
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  return null;
}

export type UploadVerdict = { ok: true; type: SniffedType } | { ok: false; error: string };

/** The checks that need no decoder: emptiness, size and type. `allowPdf` for certificate scans. */
export function checkUpload(b: Uint8Array, { allowPdf = false }: { allowPdf?: boolean } = {}): UploadVerdict {
  if (b.byteLength === 0) return { ok: false, error: '文件是空的' };
  if (b.byteLength > MAX_UPLOAD_BYTES)
    return { ok: false, error: `文件超过 5 MB（${(b.byteLength / 1048576).toFixed(1)} MB），请压缩后再上传` };
  const type = sniffType(b);
  if (!type || (type === 'pdf' && !allowPdf)) {
    return { ok: false, error: allowPdf ? '只接受 JPEG、PNG、WebP 图片或 PDF 文件' : '只接受 JPEG、PNG 或 WebP 图片' };
  }
  return { ok: true, type };
}

/** Pixel dimensions read from the header, checked before decoding. */
export function checkDimensions(width: number | undefined, height: number | undefined): string | null {
  if (!width || !height) return '无法识别图片尺寸，文件可能已损坏';
  if (width * height > MAX_UPLOAD_PIXELS) return `图片像素过多（${width}×${height}），最多 4000 万像素`;
  if (width < 200 || height < 200) return `图片太小（${width}×${height}），至少 200×200 像素`;
  return null;
}

/** The widths to produce for a photo of this width: never upscaled, always at least one. */
export function targetWidths(width: number): number[] {
  const ws = IMAGE_WIDTHS.filter((w) => w <= width);
  return ws.length ? [...ws] : [width];
}
