/**
 * The central directory of a ZIP file (an .xlsx is one), read before anything is decompressed, so that a
 * decompression bomb (a few hundred kB that unpack to gigabytes) is refused from its directory. The sizes
 * a directory declares are checked again while inflating (lib/bulk/read-sheet.ts), so a lying one gains
 * nothing. Bounds, documented in README (批量下单):
 */
/** At most this many files inside a spreadsheet (an ordinary .xlsx has 10–20). */
export const MAX_ZIP_ENTRIES = 100;
/** At most this much after unpacking, all files together: a 5,000-row sheet with recipients is about 2 MB. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 32 * 1024 * 1024;

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipVerdict = { ok: true; entries: ZipEntry[] } | { ok: false; error: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export function readZipDirectory(b: Uint8Array): ZipVerdict {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const bad: ZipVerdict = { ok: false, error: '无法读取该 Excel 文件，请另存为 .xlsx 后重试' };
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535 bytes, at the end.
  let eocd = -1;
  for (let i = b.byteLength - 22; i >= Math.max(0, b.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bad;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff)
    return { ok: false, error: '文件过大或格式不受支持（ZIP64），请另存为普通 .xlsx 后重试' };
  if (count > MAX_ZIP_ENTRIES)
    return { ok: false, error: `文件内部条目过多（${count} 个），请另存为普通 .xlsx 后重试` };
  if (offset + size > eocd) return bad;
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return bad;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) return bad;
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) return { ok: false, error: '文件已加密，请取消密码保护后再导入' };
    if (method !== 0 && method !== 8) return bad;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return bad;
    if (localHeaderOffset + 30 + compressedSize > offset) return bad;
    total += uncompressedSize;
    if (total > MAX_ZIP_UNCOMPRESSED_BYTES)
      return { ok: false, error: '文件解压后过大（超过 32 MB），请减少行数或分批导入' };
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed bytes start (after its local header), or -1 if the header is not there. */
export function entryDataOffset(b: Uint8Array, e: ZipEntry): number {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const at = e.localHeaderOffset;
  if (at + 30 > b.byteLength || view.getUint32(at, true) !== 0x04034b50) return -1;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + e.compressedSize <= b.byteLength ? start : -1;
}
