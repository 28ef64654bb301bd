import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, xlsxWithRows } from '@/scripts/test-support/zip';
import { readSheet } from './read-sheet';

const file = (b: Uint8Array) => new File([Buffer.from(b)], '批量下单.xlsx');

async function excelJsSheet(rows: (string | number | { formula: string })[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('下单');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readSheet: spreadsheets are read safely', () => {
  it('reads an ordinary ExcelJS sheet, shared strings and all', async () => {
    const rows = await readSheet(
      file(
        await excelJsSheet([
          ['商品编码', '数量'],
          ['GJ0020', 10],
          ['GJ0021', '3'],
        ]),
      ),
    );
    expect(rows.slice(0, 3).map((r) => r.slice(0, 2))).toEqual([
      ['商品编码', '数量'],
      ['GJ0020', '10'],
      ['GJ0021', '3'],
    ]);
  });

  it('refuses a zip bomb (1,000,000 rows in a few hundred kB) from its directory', async () => {
    const bomb = xlsxWithRows(1_000_000, { bomb: true });
    expect(bomb.byteLength).toBeLessThan(1_000_000);
    await expect(readSheet(file(bomb))).rejects.toMatchObject({ code: 'invalid_input', message: /解压后过大/ });
  });

  it('refuses a bomb whose directory lies about its size, while inflating, without unpacking it all', async () => {
    const liar = xlsxWithRows(1_000_000, { bomb: true, declaredSheetSize: 1000, sheetFirst: true });
    await expect(readSheet(file(liar))).rejects.toMatchObject({ message: /与其目录不符/ });
  });

  it('stops reading at row 5,001 in the worker', async () => {
    await expect(readSheet(file(xlsxWithRows(6000)))).rejects.toMatchObject({ message: '一次最多 5000 行' });
    const ok = await readSheet(file(xlsxWithRows(5000)));
    expect(ok).toHaveLength(5000);
    expect(ok[4999]!.slice(0, 2)).toEqual(['GJ0020', '10']);
  }, 60_000); // two 5,000-row sheets built and read in a worker: seconds on a busy 2-core machine

  it('refuses formulas and macros', async () => {
    await expect(readSheet(file(await excelJsSheet([['GJ0020', { formula: '1+1' }]])))).rejects.toMatchObject({
      message: /第 1 行含有公式/,
    });
    const macro = buildZip([{ name: 'xl/activeX/activeX1.bin', data: Buffer.from('Attribute VB_Name') }]);
    await expect(readSheet(file(macro))).rejects.toMatchObject({ message: /宏/ });
  });
});
