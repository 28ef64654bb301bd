import { deflateSync } from 'node:zlib';

/** Test files for upload checks, built in memory. Not imported by the app. */

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A real, valid 1-bit greyscale PNG of one colour, `side`×`side` pixels. */
export function solidPng(side: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(1 + Math.ceil(side / 8)); // filter byte 0, then zero bits
  const raw = Buffer.alloc(row.length * side);
  const idat = deflateSync(raw, { level: 9 });
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', idat),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A decompression bomb: 20000×20000 = 400 megapixels, only tens of kilobytes on disk. */
export const pngBomb = (): Uint8Array => solidPng(20000);

/** A Windows executable's first bytes, as if renamed to 照片.jpg. */
export function fakeExe(): Uint8Array {
  const b = Buffer.alloc(4096);
  b.write('MZ', 0, 'latin1');
  b.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return new Uint8Array(b);
}

export const svgWithScript = new Uint8Array(
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><script>alert(document.cookie)</script><rect width="400" height="400"/></svg>',
  ),
);

/** A one-page PDF made by a real PDF writer, optionally with an open action that runs JavaScript. */
export async function pdfFixture(
  opts: { openAction?: boolean; objectStreams?: boolean; attachment?: boolean; form?: boolean } = {},
): Promise<Uint8Array> {
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Certificate 2026-001');
  if (opts.openAction)
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  if (opts.attachment) await doc.attach(Buffer.from('MZ'), 'invoice.exe', { mimeType: 'application/octet-stream' });
  if (opts.form) doc.getForm().createTextField('name').addToPage(doc.getPage(0));
  return doc.save({ useObjectStreams: opts.objectStreams ?? false });
}

/** The same bytes with PDF names written with `#xx` escapes (`/Open#41ction`, `/J#61vaScript`). */
export function escapeNames(pdf: Uint8Array): Uint8Array {
  const s = Buffer.from(pdf)
    .toString('latin1')
    .replace('/OpenAction', '/Open#41ction')
    .replace('/JavaScript', '/J#61vaScript');
  return new Uint8Array(Buffer.from(s, 'latin1'));
}
