import 'server-only';
import ExcelJS from 'exceljs';
import { buildCsv } from '@/domain/csv';
import { fenToYuanText, formatBps } from '@/domain/money';
import type { Cell, ReportTable } from './monthly-tables';

/**
 * The monthly 通报 as files, from the same tables as the page. XLSX: one sheet per table; money cells are
 * numbers (yuan) with a ¥ number format, counts are integers, shares percentages. CSV: the tables one
 * after another, through the store's one CSV writer.
 */
export const MONEY_FORMAT = '"¥"#,##0.00';

function xlsxValue(c: Cell): { value: string | number; numFmt?: string } {
  switch (c.kind) {
    case 'text':
      return { value: c.text };
    case 'fen':
      // Yuan as a number: exact for display, and ×100 rounds back to the fen for any amount below 2^53 fen.
      return { value: Number(c.fen) / 100, numFmt: MONEY_FORMAT };
    case 'int':
      return { value: c.n, numFmt: '0' };
    case 'bps':
      return { value: c.bps / 10_000, numFmt: '0.00%' };
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
const sheetName = (t: ReportTable, i: number) =>
  `${i + 1} ${t.title.replace(/^[一二三四五六七八九十]+、/, '')}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

export async function monthlyXlsx(title: string, tables: ReportTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '个旧消费扶贫商城';
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(sheetName(t, i));
    ws.addRow([`${title} · ${t.title}`]).font = { bold: true };
    ws.addRow(t.columns).font = { bold: true };
    const add = (cells: Cell[], bold = false) => {
      const row = ws.addRow(cells.map((c) => xlsxValue(c).value));
      cells.forEach((c, j) => {
        const f = xlsxValue(c).numFmt;
        if (f) row.getCell(j + 1).numFmt = f;
      });
      if (bold) row.font = { bold: true };
    };
    for (const r of t.rows) add(r);
    if (!t.rows.length) ws.addRow([t.empty]);
    if (t.footer) add(t.footer, true);
    ws.columns.forEach((c, j) => (c.width = j === 0 ? 34 : 18));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvValue(c: Cell): string | number {
  switch (c.kind) {
    case 'text':
      return c.text;
    case 'fen':
      return fenToYuanText(c.fen);
    case 'int':
      return c.n;
    case 'bps':
      return formatBps(c.bps);
  }
}

export function monthlyCsv(title: string, tables: ReportTable[]): string {
  const rows: (string | number)[][] = [];
  for (const t of tables) {
    rows.push([t.title], t.columns, ...t.rows.map((r) => r.map(csvValue)));
    if (!t.rows.length) rows.push([t.empty]);
    if (t.footer) rows.push(t.footer.map(csvValue));
    rows.push([]);
  }
  return buildCsv([title], rows);
}
