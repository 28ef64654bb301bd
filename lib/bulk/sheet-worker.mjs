/**
 * Reads the first worksheet of an .xlsx with ExcelJS's streaming reader and stops after `maxRows` rows.
 * Runs in a worker thread with a memory limit (lib/bulk/read-sheet.ts), so that however a spreadsheet
 * was crafted, parsing it never blocks the server's event loop or grows the server's heap. Plain
 * JavaScript, loaded by path: a worker runs outside the app's bundle.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

async function read({ bytes, maxRows, columns }) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    entries: 'ignore',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  const rows = [];
  let formulaRow = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number > maxRows) return { tooMany: true };
      const cells = [];
      for (let c = 1; c <= columns; c++) {
        const cell = row.getCell(c);
        if (!formulaRow && (cell.type === ExcelJS.ValueType.Formula || cell.formula)) formulaRow = row.number;
        cells.push(cell.text ?? '');
      }
      rows[row.number - 1] = cells;
    }
    break; // the first worksheet only
  }
  return { rows: Array.from(rows, (r) => r ?? []), formulaRow };
}

read(workerData).then(
  (r) => parentPort.postMessage({ ok: true, ...r }),
  () => parentPort.postMessage({ ok: false }),
);
