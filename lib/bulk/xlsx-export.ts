import 'server-only';
import ExcelJS from 'exceljs';
import { fenToYuanText, type Fen } from '@/domain/money';
import { chinaWallClock, formatChinaDateTime } from '@/domain/time';

/**
 * Every XLSX the unit portal and /admin export. Money is written as a number of yuan with a ¥ number format
 * (so SUM in Excel and WPS adds it up to the page's figure), instants as China-time (UTC+8) dates with a
 * date format, counts as numbers, text as text. The same rows go to CSV through `csvRows`.
 */
export const MONEY_FORMAT = '"¥"#,##0.00';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** A money cell (integer fen), a date-time cell (an instant), or plain text or a number. */
export type XlsxCell = string | number | { fen: Fen } | { at: Date } | null;
export const money = (fen: Fen): XlsxCell => ({ fen });
export const dateTime = (at: Date): XlsxCell => ({ at });

export type SheetSpec = { name: string; headers: string[]; rows: XlsxCell[][] };

function cellValue(c: XlsxCell): { value: string | number | Date | null; numFmt?: string } {
  if (c === null) return { value: null };
  if (typeof c !== 'object') return { value: c };
  // Yuan as a number: exact for display, and ×100 rounds back to the fen for any amount below 2^53 fen.
  if ('fen' in c) return { value: Number(c.fen) / 100, numFmt: MONEY_FORMAT };
  return { value: chinaWallClock(c.at), numFmt: DATETIME_FORMAT };
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function buildWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '个旧消费扶贫商城';
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name));
    ws.addRow(s.headers).font = { bold: true };
    for (const r of s.rows) {
      const values = r.map(cellValue);
      const row = ws.addRow(values.map((v) => v.value));
      values.forEach((v, j) => {
        if (v.numFmt) row.getCell(j + 1).numFmt = v.numFmt;
      });
    }
    ws.columns.forEach((c) => (c.width = 18));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One-sheet .xlsx with a bold header row. */
export async function buildXlsx(sheet: string, headers: string[], rows: XlsxCell[][]): Promise<Buffer> {
  return buildWorkbook([{ name: sheet, headers, rows }]);
}

/** The same rows for CSV: money as yuan text (to the fen), instants as China time. */
export function csvRows(rows: XlsxCell[][]): (string | number)[][] {
  return rows.map((r) =>
    r.map((c) =>
      c === null ? '' : typeof c !== 'object' ? c : 'fen' in c ? fenToYuanText(c.fen) : formatChinaDateTime(c.at),
    ),
  );
}

export function download(body: Buffer | string, filename: string, type: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
