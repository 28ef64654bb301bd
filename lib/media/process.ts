import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { checkDimensions, checkUpload, MAX_UPLOAD_PIXELS, targetWidths } from '@/domain/upload';
import { pdfProblem } from './pdf-check';

export type ImageVariant = { width: number; height: number; sha256: string; bytes: Uint8Array };
export type Processed<T> = { ok: true; value: T } | { ok: false; error: string };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Reads the header only, then refuses what is too big to decode. */
async function inspect(bytes: Uint8Array): Promise<Processed<Sharp>> {
  let meta: Metadata;
  try {
    // metadata() reads the header only; the pixel limit is enforced here and again when decoding.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, error: '无法读取图片，文件可能已损坏' };
  }
  if (!['jpeg', 'png', 'webp'].includes(meta.format ?? ''))
    return { ok: false, error: '只接受 JPEG、PNG 或 WebP 图片' };
  const dims = checkDimensions(meta.width, meta.height);
  if (dims) return { ok: false, error: dims };
  return { ok: true, value: sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: 'error' }) };
}

/**
 * A product photo: checked by content, then re-encoded to WebP at several widths (EXIF, including
 * any GPS position, is dropped by re-encoding). Nothing the uploader sent is served as is.
 */
export async function processProductImage(bytes: Uint8Array): Promise<Processed<ImageVariant[]>> {
  const pre = checkUpload(bytes);
  if (!pre.ok) return pre;
  const inspected = await inspect(bytes);
  if (!inspected.ok) return inspected;
  const meta = await inspected.value.metadata();
  // EXIF orientations 5–8 swap width and height.
  const upright = (meta.orientation ?? 1) >= 5 ? meta.height! : meta.width!;
  try {
    const variants: ImageVariant[] = [];
    for (const w of targetWidths(upright)) {
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      const out = new Uint8Array(data);
      variants.push({ width: info.width, height: info.height, sha256: sha(out), bytes: out });
    }
    return { ok: true, value: variants };
  } catch {
    return { ok: false, error: '无法读取图片，文件可能已损坏' };
  }
}

/** A certificate scan: an image (re-encoded to WebP, at most 2000 px wide) or a plain PDF (lib/media/pdf-check). */
export async function processCertificateFile(
  bytes: Uint8Array,
): Promise<Processed<{ contentType: string; bytes: Uint8Array }>> {
  const pre = checkUpload(bytes, { allowPdf: true });
  if (!pre.ok) return pre;
  if (pre.type === 'pdf') {
    if (!Buffer.from(bytes.subarray(-1024)).toString('latin1').trimEnd().endsWith('%%EOF'))
      return { ok: false, error: 'PDF 文件不完整' };
    const problem = await pdfProblem(bytes);
    return problem ? { ok: false, error: problem } : { ok: true, value: { contentType: 'application/pdf', bytes } };
  }
  return reencodeScan(bytes);
}

/** A payout's receipt scan (issue 17): an image only, re-encoded like a certificate scan. */
export async function processReceiptScan(
  bytes: Uint8Array,
): Promise<Processed<{ contentType: string; bytes: Uint8Array }>> {
  const pre = checkUpload(bytes);
  if (!pre.ok) return pre;
  return reencodeScan(bytes);
}

/** A scanned document as WebP, at most 2000 px wide (EXIF dropped). */
async function reencodeScan(bytes: Uint8Array): Promise<Processed<{ contentType: string; bytes: Uint8Array }>> {
  const inspected = await inspect(bytes);
  if (!inspected.ok) return inspected;
  try {
    const data = await inspected.value
      .rotate()
      .resize({ width: 2000, withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer();
    return { ok: true, value: { contentType: 'image/webp', bytes: new Uint8Array(data) } };
  } catch {
    return { ok: false, error: '无法读取图片，文件可能已损坏' };
  }
}
