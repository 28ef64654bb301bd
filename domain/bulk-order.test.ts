import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS, MAX_RAW_ROWS, parseBulkRows, parseCsv } from './bulk-order';

describe('bulk order rows', () => {
  it('parses codes, quantities and optional recipients, skipping the header', () => {
    const rows = parseCsv(
      '商品编码,数量,收货人,手机号,收货地址\r\nGJ0019,20,,,\ngj0001,1,张三,+86 139-8731-2345,"个旧市金湖东路 1 号, 3 栋"\n',
    );
    const r = parseBulkRows(rows);
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([
      { row: 2, code: 'GJ0019', quantity: 20, recipient: undefined },
      {
        row: 3,
        code: 'GJ0001',
        quantity: 1,
        recipient: { name: '张三', mobile: '13987312345', address: '个旧市金湖东路 1 号, 3 栋' },
      },
    ]);
  });
  it('names every bad row in Chinese', () => {
    const r = parseBulkRows([
      ['GJ0019', '0'],
      ['X', '2'],
      ['GJ0001', '1.5'],
      ['GJ0002', '3', '李四', '123', '短'],
    ]);
    expect(r.errors.map((e) => e.row)).toEqual([1, 2, 3, 4]);
    expect(r.errors[3]!.message).toContain('手机号');
  });
  it('refuses empty and oversized files', () => {
    expect(parseBulkRows([]).errors[0]!.message).toContain('没有商品行');
    const many = Array.from({ length: MAX_BULK_ROWS + 1 }, () => ['GJ0001', '1']);
    expect(parseBulkRows(many).errors[0]!.message).toContain('5000');
  });
  it('keeps CSV parsing bounded: 5 MB of line breaks or commas is refused, not held in memory', () => {
    const lines = parseCsv('\n'.repeat(5 * 1024 * 1024));
    expect(lines.length).toBe(MAX_RAW_ROWS + 1);
    expect(parseBulkRows(lines).errors[0]!.message).toMatch(/一次最多 5000 行/);
    expect(parseCsv(','.repeat(5 * 1024 * 1024))[0]!.length).toBe(10);
  });
  it('parses quoted CSV fields with doubled quotes', () => {
    expect(parseCsv('a,"b ""c""",d\n')).toEqual([['a', 'b "c"', 'd']]);
  });
});
