import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { escapeNames, fakeExe, pdfFixture, pngBomb, svgWithScript } from './fixtures';
import { processCertificateFile, processProductImage } from './process';

async function photo(
  width: number,
  height: number,
  format: 'jpeg' | 'png' = 'jpeg',
  noise = false,
): Promise<Uint8Array> {
  const raw = noise ? { raw: { width, height, channels: 3 as const } } : undefined;
  const base = raw
    ? sharp(Buffer.from(Array.from({ length: width * height * 3 }, () => Math.floor(Math.random() * 256))), raw)
    : sharp({ create: { width, height, channels: 3, background: '#a42a2a' } });
  return new Uint8Array(
    await base.toFormat(format, format === 'png' ? { compressionLevel: 0 } : { quality: 90 }).toBuffer(),
  );
}

describe('processProductImage', () => {
  it('re-encodes a JPEG to WebP at 320, 640 and 1280 px', async () => {
    const r = await processProductImage(await photo(1600, 1200));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((v) => [v.width, v.height])).toEqual([
      [320, 240],
      [640, 480],
      [1280, 960],
    ]);
    for (const v of r.value) {
      expect(Buffer.from(v.bytes.subarray(8, 12)).toString()).toBe('WEBP');
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
  it('refuses a renamed .exe', async () => {
    expect(await processProductImage(fakeExe())).toEqual({ ok: false, error: '只接受 JPEG、PNG 或 WebP 图片' });
  });
  it('refuses an SVG with script', async () => {
    expect(await processProductImage(svgWithScript)).toEqual({ ok: false, error: '只接受 JPEG、PNG 或 WebP 图片' });
  });
  it('refuses a 6 MB image', async () => {
    const big = await photo(1500, 1400, 'png', true);
    expect(big.byteLength).toBeGreaterThan(6_000_000);
    const r = await processProductImage(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^文件超过 5 MB/);
  });
  it('refuses a decompression bomb (20000×20000 PNG of one colour) from its header', async () => {
    const bomb = pngBomb();
    expect(bomb.byteLength).toBeLessThan(200_000);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ width: 20000, height: 20000 });
    expect(await processProductImage(bomb)).toEqual({
      ok: false,
      error: '图片像素过多（20000×20000），最多 4000 万像素',
    });
  });
  it('refuses a truncated JPEG', async () => {
    const b = await photo(800, 800);
    const r = await processProductImage(b.subarray(0, 400));
    expect(r.ok).toBe(false);
  });
});

describe('processCertificateFile', () => {
  it('accepts an image (as WebP) and a plain PDF', async () => {
    const img = await processCertificateFile(await photo(1000, 1400));
    expect(img).toMatchObject({ ok: true, value: { contentType: 'image/webp' } });
    for (const objectStreams of [false, true]) {
      const pdf = await pdfFixture({ objectStreams });
      expect(await processCertificateFile(pdf)).toMatchObject({ ok: true, value: { contentType: 'application/pdf' } });
    }
  });
  it('parses PDFs: escaped names, compressed object streams, attachments and forms are refused', async () => {
    const refused = { ok: false, error: expect.stringMatching(/脚本、链接、表单或附件/) };
    // The attacks of issue 13: names written with #xx escapes pass a plain-text check.
    expect(await processCertificateFile(escapeNames(await pdfFixture({ openAction: true })))).toEqual(refused);
    // Inside a compressed object stream the raw bytes show nothing: only the parser sees the action.
    const hidden = await pdfFixture({ openAction: true, objectStreams: true });
    expect(Buffer.from(hidden).toString('latin1')).not.toContain('OpenAction');
    expect(await processCertificateFile(hidden)).toEqual(refused);
    expect(await processCertificateFile(await pdfFixture({ attachment: true, objectStreams: true }))).toEqual(refused);
    expect(await processCertificateFile(await pdfFixture({ form: true, objectStreams: true }))).toEqual(refused);
    const garbage = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));
    expect((await processCertificateFile(garbage)).ok).toBe(false);
  });
  it('refuses a PDF with JavaScript, an .exe and an SVG', async () => {
    const pdf = new Uint8Array(
      Buffer.from('%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n'),
    );
    expect((await processCertificateFile(pdf)).ok).toBe(false);
    expect(await processCertificateFile(fakeExe())).toEqual({
      ok: false,
      error: '只接受 JPEG、PNG、WebP 图片或 PDF 文件',
    });
    expect((await processCertificateFile(svgWithScript)).ok).toBe(false);
  });
});
