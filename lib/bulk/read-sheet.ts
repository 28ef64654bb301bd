import 'server-only';
import ExcelJS from 'exceljs';
import { MAX_BULK_ROWS, parseCsv } from '@/domain/bulk-order';
import { AppError } from '@/lib/errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A spreadsheet that cannot be read, with its Chinese reason (shown beside the file field). */
export class SheetError extends AppError {
  constructor(message: string) {
    super('invalid_input', message, { file: message });
  }
}

/**
 * Reads an uploaded .xlsx or .csv into text rows. The type is decided by the bytes, not the name;
 * macros, formulas, other types and files over 5 MB or 5,000 rows are refused with a Chinese message.
 */
export async function readSheet(file: File): Promise<string[][]> {
  if (file.size === 0) throw new SheetError('文件是空的');
  if (file.size > MAX_UPLOAD_BYTES) throw new SheetError('文件不能超过 5 MB');
  const bytes = Buffer.from(await file.arrayBuffer());
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return readXlsx(bytes);
  if (bytes.includes(0)) throw new SheetError('只支持 .xlsx 或 .csv 文件');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) throw new SheetError('CSV 文件须为 UTF-8 编码（Excel 另存为“CSV UTF-8”）');
  return parseCsv(text);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  if (bytes.includes(Buffer.from('vbaProject.bin'))) throw new SheetError('文件含有宏，出于安全原因不能导入');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('无法读取该 Excel 文件，请另存为 .xlsx 后重试');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError('Excel 文件中没有工作表');
  if (ws.actualRowCount > MAX_BULK_ROWS + 1) throw new SheetError(`一次最多 ${MAX_BULK_ROWS} 行`);
  const rows: string[][] = [];
  let formula = 0;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= 5; c++) {
      const cell = row.getCell(c);
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formula = formula || n;
      cells.push(cell.text ?? '');
    }
    rows[n - 1] = cells;
  });
  if (formula) throw new SheetError(`第 ${formula} 行含有公式，请把公式转换为数值后再导入`);
  return Array.from(rows, (r) => r ?? []);
}
