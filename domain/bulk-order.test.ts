import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS, MAX_RAW_ROWS, normalizeCell, parseBulkRows, parseCsv, splitTypedLines } from './bulk-order';

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

/** Full-width form of an ASCII string (what a Chinese keyboard in full-width mode types). */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('the code box, as people type it', () => {
  it('accepts full-width digits, Chinese and English commas, spaces and tabs', () => {
    const text = 'GJ0036，50\nＧＪ００１９　２０\n\ngj0001\t2\nGJ0013 , 3\r\nGJ0031、4\nGJ0035；5';
    const r = parseBulkRows(splitTypedLines(text));
    expect(r.errors).toEqual([]);
    expect(r.lines.map((l) => [l.row, l.code, l.quantity])).toEqual([
      [1, 'GJ0036', 50],
      [2, 'GJ0019', 20],
      [4, 'GJ0001', 2],
      [5, 'GJ0013', 3],
      [6, 'GJ0031', 4],
      [7, 'GJ0035', 5],
    ]);
  });
  it('names the line the person sees, blank lines counted', () => {
    const r = parseBulkRows(splitTypedLines('GJ0036 50\n\nGJ99 x\nGJ0001 ２.５'));
    expect(r.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(r.errors[0]!.message).toContain('商品编码格式不正确');
    expect(r.errors[1]!.message).toContain('数量须为 1 到 10000 的整数');
  });
  it('keeps a pasted address with its spaces (tab-separated rows from a spreadsheet)', () => {
    const r = parseBulkRows(splitTypedLines('GJ0001\t2\t李秀英\t139 1234 5678\t个旧市 金湖东路 88 号'));
    expect(r.errors).toEqual([]);
    expect(r.lines[0]!.recipient).toEqual({ name: '李秀英', mobile: '13912345678', address: '个旧市 金湖东路 88 号' });
  });
  it('full-width digits in an uploaded sheet are read like ASCII ones', () => {
    const r = parseBulkRows([
      ['商品编码', '数量'],
      ['ＧＪ００３６', '２０'],
    ]);
    expect(r.lines).toEqual([{ row: 2, code: 'GJ0036', quantity: 20, recipient: undefined }]);
  });

  const code = fc
    .tuple(fc.constantFrom('GJ', 'gj', 'Gj'), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 4, max: 6 }))
    .map(([p, n, w]) => `${p}${String(n).padStart(w, '0').slice(-w)}`);
  const qty = fc.integer({ min: 1, max: 10_000 });
  const sep = fc.constantFrom(' ', '  ', '\t', ',', '，', ', ', ' ，', '、', '\u3000', ';', '；');
  const pad = fc.constantFrom('', ' ', '\u3000', '\t');
  const width = fc.boolean();

  it('property: however a valid line is typed, it parses to the same code and quantity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(code, qty, sep, pad, pad, width, width), { minLength: 1, maxLength: 30 }),
        (lines) => {
          const text = lines
            .map(([c, q, s, a, b, wc, wq]) => `${a}${wc ? fullWidth(c) : c}${s}${wq ? fullWidth(String(q)) : q}${b}`)
            .join('\n');
          const r = parseBulkRows(splitTypedLines(text));
          expect(r.errors).toEqual([]);
          expect(r.lines.map((l) => [l.row, l.code, l.quantity])).toEqual(
            lines.map(([c, q], i) => [i + 1, c.toUpperCase(), q]),
          );
        },
      ),
    );
  });
  it('property: any text at all parses without throwing, each line either a line or an error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const rows = splitTypedLines(text);
        const r = parseBulkRows(rows);
        const global = r.errors.some((e) => e.row === 0);
        if (!global) {
          // Every filled line is accounted for: ordered, or named in an error (a header line aside).
          const seen = new Set([...r.lines.map((l) => l.row), ...r.errors.map((e) => e.row)]);
          rows.forEach((c, i) => {
            if (c.some((x) => x.trim() !== '') && !(i === 0 && /^(商品编码|编码|code|product code)$/i.test(c[0]!)))
              expect(seen.has(i + 1)).toBe(true);
          });
        }
        for (const l of r.lines) {
          expect(l.code).toMatch(/^[A-Z]{2}\d{4,6}$/);
          expect(Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= 10_000).toBe(true);
        }
      }),
    );
  });
  it('property: normalising a cell twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeCell(normalizeCell(s)) === normalizeCell(s)),
    );
  });
  it('property: line numbers survive blank lines and CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.tuple(code, qty), { nil: null }), { minLength: 1, maxLength: 40 }), (ls) => {
        fc.pre(ls.some((l) => l));
        const text = ls.map((l) => (l ? `${l[0]} ${l[1]}` : '')).join('\r\n');
        const rows = parseBulkRows(splitTypedLines(text)).lines.map((l) => l.row);
        expect(rows).toEqual(ls.flatMap((l, i) => (l ? [i + 1] : [])));
      }),
    );
  });
});
