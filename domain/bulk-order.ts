import { isValidMobile, normalizeMobile } from './phone';

/**
 * 批量下单 rows: 商品编码, 数量, and optionally 收货人, 手机号, 收货地址 for welfare gifts shipped to many
 * people (one shipment per recipient). Every row is checked before anything is written.
 */
export const MAX_BULK_ROWS = 5_000;
export const BULK_HEADERS = ['商品编码', '数量', '收货人', '手机号', '收货地址'];

export type BulkLine = {
  row: number;
  code: string;
  quantity: number;
  recipient?: { name: string; mobile: string; address: string };
};
export type RowError = { row: number; message: string };

const HEADER_ALIASES = new Set(['商品编码', '编码', 'code', 'product code']);

/** `rows` are the sheet's rows as text cells; `row` numbers in results are the sheet's own (1-based). */
export function parseBulkRows(rows: readonly (readonly string[])[]): { lines: BulkLine[]; errors: RowError[] } {
  const lines: BulkLine[] = [];
  const errors: RowError[] = [];
  let start = 0;
  if (rows[0] && HEADER_ALIASES.has((rows[0][0] ?? '').trim().toLowerCase())) start = 1;
  const data = rows
    .slice(start)
    .map((cells, i) => ({ cells, row: start + i + 1 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (rows.length > MAX_RAW_ROWS)
    return { lines, errors: [{ row: 0, message: `一次最多 ${MAX_BULK_ROWS} 行（文件行数过多）` }] };
  if (data.length === 0) return { lines, errors: [{ row: 0, message: '文件中没有商品行' }] };
  if (data.length > MAX_BULK_ROWS)
    return { lines, errors: [{ row: 0, message: `一次最多 ${MAX_BULK_ROWS} 行，当前 ${data.length} 行` }] };
  for (const { cells, row } of data) {
    const [rawCode = '', rawQty = '', name = '', mobile = '', address = ''] = cells.map((c) => c.trim());
    // Codes and quantities as Chinese keyboards type them: full-width letters and digits (ＧＪ００３６, ２０).
    const code = normalizeCell(rawCode);
    const qty = normalizeCell(rawQty);
    const problems: string[] = [];
    if (!/^[A-Za-z]{2}\d{4,6}$/.test(code)) problems.push('商品编码格式不正确');
    if (!/^\d{1,5}$/.test(qty) || Number(qty) < 1 || Number(qty) > 10_000) problems.push('数量须为 1 到 10000 的整数');
    const anyRecipient = name || mobile || address;
    if (anyRecipient) {
      if (!name) problems.push('缺少收货人');
      if (!isValidMobile(mobile)) problems.push('收货人手机号不正确');
      if (address.length < 5) problems.push('收货地址过短');
      if (name.length > 20 || address.length > 120) problems.push('收货人或地址过长');
    }
    if (problems.length) {
      errors.push({ row, message: problems.join('；') });
      continue;
    }
    lines.push({
      row,
      code: code.toUpperCase(),
      quantity: Number(qty),
      recipient: anyRecipient ? { name, mobile: normalizeMobile(mobile), address } : undefined,
    });
  }
  return { lines, errors };
}

/**
 * One cell as people type it: NFKC folds full-width letters, digits and spaces (ＧＪ００３６ ２０) to
 * ASCII; surrounding spaces go. Names and addresses are kept as typed; only codes and quantities pass here.
 */
export function normalizeCell(cell: string): string {
  return cell.normalize('NFKC').trim();
}

/**
 * The 批量下单 code box: one `编码 数量` line per product, as people type or paste it. Each line is
 * NFKC-normalised (full-width digits, the Chinese comma ， and the ideographic space become ASCII), then
 * split: on tabs when it has any (pasted from Excel or WPS, so that a pasted address keeps its spaces),
 * else on commas (English, Chinese, 、 and semicolons), else on runs of spaces. Line numbers are kept
 * (blank lines are empty rows), so errors name the line the person sees.
 */
export function splitTypedLines(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.length > MAX_RAW_ROWS + 1) lines.length = MAX_RAW_ROWS + 1;
  return lines.map((raw) => {
    const line = raw.normalize('NFKC').trim();
    if (!line) return [];
    const cells = line.includes('\t')
      ? line.split('\t')
      : /[,、;]/.test(line)
        ? line.split(/[,、;]/)
        : line.split(/\s+/);
    return cells.slice(0, MAX_CELLS).map((c) => c.trim());
  });
}

/** A sheet may have blank lines, but not this many: a 5 MB file of line breaks is refused, not parsed. */
export const MAX_RAW_ROWS = 4 * MAX_BULK_ROWS;
/** Cells past the first columns are never read. */
const MAX_CELLS = 10;

/**
 * Minimal RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Stops after MAX_RAW_ROWS + 1 rows and
 * keeps at most MAX_CELLS cells a row, so that memory stays bounded whatever the text.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      if (row.length < MAX_CELLS) row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      if (row.length < MAX_CELLS) row.push(cell);
      rows.push(row);
      if (rows.length > MAX_RAW_ROWS) return rows;
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    if (row.length < MAX_CELLS) row.push(cell);
    rows.push(row);
  }
  return rows;
}
