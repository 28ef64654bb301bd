import { describe, expect, it } from 'vitest';
import { checkDimensions, checkUpload, MAX_UPLOAD_BYTES, sniffType, targetWidths } from './upload';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe('sniffType', () => {
  it('knows JPEG, PNG, WebP and PDF by their signatures', () => {
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffType(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WEBPVP8 ')]))).toBe('webp');
    expect(sniffType(new Uint8Array(Buffer.from('%PDF-1.7\n')))).toBe('pdf');
  });
  it('refuses executables, SVG, HTML and RIFF that is not WebP', () => {
    expect(sniffType(new Uint8Array(Buffer.from('MZ\x90\x00\x03')))).toBeNull();
    expect(
      sniffType(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))),
    ).toBeNull();
    expect(sniffType(new Uint8Array(Buffer.from('<!doctype html>')))).toBeNull();
    expect(sniffType(new Uint8Array([...Buffer.from('RIFF'), 1, 2, 3, 4, ...Buffer.from('WAVEfmt ')]))).toBeNull();
    expect(sniffType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('checkUpload', () => {
  it('refuses empty and oversized files before looking at the type', () => {
    expect(checkUpload(new Uint8Array())).toEqual({ ok: false, error: '文件是空的' });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    const r = checkUpload(big);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('5 MB');
    const exact = new Uint8Array(MAX_UPLOAD_BYTES);
    exact.set([0xff, 0xd8, 0xff]);
    expect(checkUpload(exact)).toEqual({ ok: true, type: 'jpeg' });
  });
  it('accepts PDF only where certificates allow it', () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4 ...'));
    expect(checkUpload(pdf).ok).toBe(false);
    expect(checkUpload(pdf, { allowPdf: true })).toEqual({ ok: true, type: 'pdf' });
  });
});

describe('checkDimensions', () => {
  it('refuses a decompression bomb by its header', () => {
    expect(checkDimensions(20000, 20000)).toContain('像素过多');
    expect(checkDimensions(8000, 5000)).toBeNull();
    expect(checkDimensions(8000, 5001)).toContain('像素过多');
  });
  it('refuses unknown and tiny images', () => {
    expect(checkDimensions(undefined, 10)).toContain('无法识别');
    expect(checkDimensions(199, 800)).toContain('太小');
  });
});

describe('targetWidths', () => {
  it('never upscales', () => {
    expect(targetWidths(4000)).toEqual([320, 640, 1280]);
    expect(targetWidths(800)).toEqual([320, 640]);
    expect(targetWidths(250)).toEqual([250]);
  });
});
