import { deflateRawSync } from 'node:zlib';

/**
 * Builds ZIP files for tests and benchmarks: ordinary spreadsheets' shape, and decompression bombs
 * (a sheet of a million rows deflates to a few hundred kB), optionally declaring false sizes.
 */
export type ZipFile = { name: string; data: Buffer; declaredSize?: number; stored?: boolean };

export function buildZip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = f.stored ? f.data : deflateRawSync(f.data, { level: 9 });
    const name = Buffer.from(f.name, 'utf8');
    const size = f.declaredSize ?? f.data.length;
    // The 26 bytes the local header (from byte 4) and the central directory entry (from byte 6) share:
    // version needed, flags, method, time, date, CRC (left 0), sizes, name and extra lengths.
    const shared = Buffer.alloc(26);
    shared.writeUInt16LE(20, 0);
    shared.writeUInt16LE(f.stored ? 0 : 8, 4);
    shared.writeUInt32LE(body.length, 14);
    shared.writeUInt32LE(size, 18);
    shared.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    shared.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/**
 * A sheet XML with `rows` rows of (code, quantity). A bomb leaves out the row and cell references
 * (optional in OOXML), so that the XML repeats exactly and deflates about 1000:1; a sheet meant to be read
 * (ExcelJS needs the references) has them.
 */
export function sheetXml(rows: number, { bomb = false }: { bomb?: boolean } = {}): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const cells = (r: number | '') =>
    `<c${r ? ` r="A${r}"` : ''} t="inlineStr"><is><t>GJ0020</t></is></c><c${r ? ` r="B${r}"` : ''}><v>10</v></c>`;
  const body = bomb
    ? `<row>${cells('')}</row>`.repeat(rows)
    : Array.from({ length: rows }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join('');
  return Buffer.concat([Buffer.from(head), Buffer.from(body), Buffer.from('</sheetData></worksheet>')]);
}

/**
 * A minimal .xlsx whose first sheet has `rows` rows (GJ0020, 10); `bomb` makes it as small as possible,
 * `declaredSheetSize` lies about the sheet's size in the ZIP directory.
 */
export function xlsxWithRows(
  rows: number,
  opts: { bomb?: boolean; declaredSheetSize?: number; sheetFirst?: boolean } = {},
): Buffer {
  const data = sheetXml(rows, { bomb: opts.bomb });
  const sheet = { name: 'xl/worksheets/sheet1.xml', data, declaredSize: opts.declaredSheetSize };
  const rest = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
  ];
  return buildZip(opts.sheetFirst ? [sheet, ...rest] : [...rest, sheet]);
}
