import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fenParts,
  decimalYuanToFen,
  fenToDecimalYuan,
  fenToYuanText,
  formatBps,
  formatFen,
  lineTotalFen,
  parseYuanInput,
  readYuanInput,
  parseYuanToFen,
  progressBps,
  sumFen,
} from './money';

describe('formatFen', () => {
  it('formats fen as yuan with thousands separators and two decimals', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(4_000_000_000n)).toBe('¥40,000,000.00');
    expect(formatFen(-300)).toBe('-¥3.00');
  });
  it('handles amounts beyond the safe integer range exactly', () => {
    expect(formatFen(9_007_199_254_740_993n)).toBe('¥90,071,992,547,409.93');
  });
  it('refuses non-integer numbers', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
  it('splits into parts for display', () => {
    expect(fenParts(123450)).toEqual({ yuan: '1,234', cents: '50' });
  });
});

describe('parseYuanToFen', () => {
  it('parses whole and decimal yuan without floating point', () => {
    expect(parseYuanToFen('12')).toBe(1200);
    expect(parseYuanToFen('12.5')).toBe(1250);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parseYuanToFen(' 19.99 ')).toBe(1999);
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'abc', '-1', '1.234', '1e3', '12.', '9999999999']) {
      expect(parseYuanToFen(bad)).toBeNull();
    }
  });
});

describe('readYuanInput', () => {
  it('reads what people type, full-width too', () => {
    expect(readYuanInput('¥3000')).toEqual({ ok: true, fen: 300_000 });
    expect(readYuanInput('3,000.50')).toEqual({ ok: true, fen: 300_050 });
    expect(readYuanInput('３０００元')).toEqual({ ok: true, fen: 300_000 });
    expect(readYuanInput('￥３，０００．５')).toEqual({ ok: true, fen: 300_050 });
  });
  it('refuses what could be read two ways as ambiguous, and the rest as invalid', () => {
    for (const a of ['3,00', '3,5', '30,0000', '3.000,50', '3.000.00', '1.234', '1,234,56'])
      expect(readYuanInput(a), a).toEqual({ ok: false, reason: 'ambiguous' });
    for (const b of ['', 'abc', '-3', '3e3', ',100', '100,', '¥¥3'])
      expect(readYuanInput(b), b).toEqual({ ok: false, reason: 'invalid' });
  });
  it('property: every amount as formatFen prints it (with or without ¥ and separators) reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.boolean(), fc.boolean(), (fen, yen, commas) => {
        let text = formatFen(fen);
        if (!yen) text = text.replace('¥', '');
        if (!commas) text = text.replace(/,/g, '');
        expect(readYuanInput(text)).toEqual({ ok: true, fen });
      }),
    );
  });
});

describe('parseYuanInput', () => {
  it('takes a leading ¥ and thousands separators as well', () => {
    expect(parseYuanInput('3,000')).toBe(300_000);
    expect(parseYuanInput('¥3,000.50')).toBe(300_050);
    expect(parseYuanInput(' ￥ 12 ')).toBe(1200);
    expect(parseYuanInput('40,000,000')).toBe(4_000_000_000);
    expect(parseYuanInput('12.5')).toBe(1250);
  });
  it('rejects what parseYuanToFen rejects, and stray separators', () => {
    for (const bad of ['', '¥', ',100', '100,', '1,,000', '¥-3', '3,000.123', '$3', '¥¥3']) {
      expect(parseYuanInput(bad), bad).toBeNull();
    }
  });
});

describe('sums and progress', () => {
  it('sums as bigint and multiplies exactly', () => {
    expect(sumFen([1, 2n, 3])).toBe(6n);
    expect(lineTotalFen(2_000_000_000, 2_000)).toBe(4_000_000_000_000n);
  });
  it('computes progress in basis points, rounded down', () => {
    expect(progressBps(0n, 4_000_000_000n)).toBe(0);
    expect(progressBps(1_000_000_000n, 4_000_000_000n)).toBe(2500);
    expect(progressBps(1n, 3n)).toBe(3333);
    expect(progressBps(5n, 0n)).toBe(0);
    expect(formatBps(2500)).toBe('25.00%');
    expect(formatBps(3333)).toBe('33.33%');
    expect(formatBps(7)).toBe('0.07%');
  });

  it('prints basis points as a short percentage for shares', () => {
    expect(formatBps(4500, { trim: true })).toBe('45%');
    expect(formatBps(1250, { trim: true })).toBe('12.5%');
    expect(formatBps(1205, { trim: true })).toBe('12.05%');
    expect(formatBps(0, { trim: true })).toBe('0%');
  });
});

describe('fenToYuanText', () => {
  it('prints yuan for form fields, exactly', () => {
    expect(fenToYuanText(1250)).toBe('12.50');
    expect(fenToYuanText(1200)).toBe('12');
    expect(fenToYuanText(5n)).toBe('0.05');
    expect(fenToYuanText(-705)).toBe('-7.05');
  });
});

describe('fenToDecimalYuan and decimalYuanToFen', () => {
  it('print and read a gateway amount exactly, from integers', () => {
    expect(fenToDecimalYuan(1250n)).toBe('12.50');
    expect(fenToDecimalYuan(5)).toBe('0.05');
    expect(fenToDecimalYuan(100_000_000_00n)).toBe('100000000.00');
    expect(() => fenToDecimalYuan(-1n)).toThrow(RangeError);
    expect(decimalYuanToFen('12.50')).toBe(1250n);
    expect(decimalYuanToFen('12.5')).toBe(1250n);
    expect(decimalYuanToFen('12')).toBe(1200n);
    expect(decimalYuanToFen('0.01')).toBe(1n);
    for (const bad of ['', ' 1.00', '1.001', '-1.00', '1e3', '0x10', '1.', '.5', '１.00'])
      expect(decimalYuanToFen(bad), bad).toBeNull();
    for (const fen of [0n, 1n, 99n, 100n, 123456789n]) expect(decimalYuanToFen(fenToDecimalYuan(fen))).toBe(fen);
  });
});
