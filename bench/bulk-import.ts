/**
 * 批量下单 at its limit: a 5,000-row sheet with a recipient on every row, parsed, checked and imported
 * as one purchase order. Prints the time of each step.
 *
 *   npm run bench:bulk                       # PGlite in memory
 *   DATABASE_URL=postgres://… npm run bench:bulk   # a fresh database on that server
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { useSeededDatabase } from './fresh-db';

const { getDb, rowsOf, done } = await useSeededDatabase();
const { placeOrder } = await import('@/lib/orders/place-order');
const { prepareBulkOrder } = await import('@/lib/bulk/prepare');
const { parseCsv } = await import('@/domain/bulk-order');

await getDb().execute(sql`update products set stock = 1000000 where status = 'listed'`);
const unit = rowsOf<{ id: string; name: string; credit_code: string }>(
  await getDb().execute(
    sql`select id, name, credit_code from units where status = 'verified' and parent_unit_id is not null limit 1`,
  ),
)[0]!;

const codes = ['GJ0001', 'GJ0013', 'GJ0019', 'GJ0031', 'GJ0036', 'GJ0040'];
const rows = Array.from({ length: 5000 }, (_, i) => [
  codes[i % codes.length]!,
  String(1 + (i % 3)),
  `收件人${i}`,
  `139${String(i).padStart(8, '0')}`,
  `个旧市金湖东路 ${i} 号`,
]);
const csv = ['商品编码,数量,收货人,手机号,收货地址', ...rows.map((r) => r.join(','))].join('\r\n');
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('订单');
ws.addRow(['商品编码', '数量', '收货人', '手机号', '收货地址']);
for (const r of rows) ws.addRow(r);
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());

const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};
const [csvRows, tCsv] = await time(() => parseCsv(csv));
const { readSheet } = await import('@/lib/bulk/read-sheet');
const [, tXlsx] = await time(() => readSheet(new File([xlsx], 'o.xlsx')));
const [prepared, tCheck] = await time(() => prepareBulkOrder(csvRows));
if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors.slice(0, 3)));
const [, tImport] = await time(() =>
  placeOrder({
    items: prepared.value.items,
    contact: { name: '采购员', mobile: '13887312345' },
    shippingAddress: { province: '云南省', city: '红河哈尼族彝族自治州', district: '个旧市', detail: '机关大院' },
    paymentMethod: 'bank_transfer',
    userId: null,
    timeoutMinutes: 30,
    unit: {
      unitId: unit.id,
      unitName: unit.name,
      creditCode: unit.credit_code,
      roundId: null,
      paymentTerms: 'prepay',
      recipients: prepared.value.recipients,
    },
  }),
);
console.log(
  `\n5,000-row 批量下单 on ${process.env.DATABASE_URL ? 'postgres' : 'pglite'} (${(csv.length / 1024).toFixed(0)} KB CSV, ${(xlsx.length / 1024).toFixed(0)} KB XLSX)`,
);
console.log('| step | ms |\n|---|---:|');
console.log(
  `| read CSV | ${Math.round(tCsv)} |\n| read XLSX (exceljs) | ${Math.round(tXlsx)} |\n| check every row (codes, minimums, stock) | ${Math.round(tCheck)} |\n| import (order, lines, 5,000 encrypted recipients, stock) | ${Math.round(tImport)} |`,
);
console.log(`| sum, XLSX path | ${Math.round(tXlsx + tCheck + tImport)} |`);
await done();
