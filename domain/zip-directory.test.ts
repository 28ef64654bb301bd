import { describe, expect, it } from 'vitest';
import { buildZip, xlsxWithRows } from '@/scripts/test-support/zip';
import { entryDataOffset, MAX_ZIP_ENTRIES, readZipDirectory } from './zip-directory';

describe('zip directory', () => {
  it('lists an ordinary spreadsheet with its sizes', () => {
    const z = readZipDirectory(xlsxWithRows(10));
    expect(z.ok).toBe(true);
    if (!z.ok) return;
    expect(z.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    const bytes = xlsxWithRows(10);
    const first = readZipDirectory(bytes);
    if (first.ok) expect(entryDataOffset(bytes, first.entries[0]!)).toBeGreaterThan(0);
  });

  it('refuses a bomb from its directory: a million rows unpack past the bound', () => {
    const bomb = xlsxWithRows(1_000_000, { bomb: true });
    expect(bomb.byteLength).toBeLessThan(2_000_000);
    const z = readZipDirectory(bomb);
    expect(z).toEqual({ ok: false, error: expect.stringMatching(/解压后过大/) });
  });

  it('refuses too many entries, encryption, ZIP64 markers and garbage', () => {
    const many = buildZip(
      Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })),
    );
    expect(readZipDirectory(many)).toMatchObject({ ok: false, error: expect.stringMatching(/条目过多/) });
    const encrypted = buildZip([{ name: 'a', data: Buffer.from('x') }]);
    const cd = encrypted.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(1, cd + 8);
    expect(readZipDirectory(encrypted)).toMatchObject({ ok: false, error: expect.stringMatching(/加密/) });
    const zip64 = buildZip([{ name: 'a', data: Buffer.from('x') }]);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    expect(readZipDirectory(zip64)).toMatchObject({ ok: false, error: expect.stringMatching(/ZIP64/) });
    expect(readZipDirectory(Buffer.from('PK\x03\x04 not really a zip'))).toMatchObject({ ok: false });
    expect(readZipDirectory(new Uint8Array(0))).toMatchObject({ ok: false });
  });
});
