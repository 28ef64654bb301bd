import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber, maskName } from './id-number';

describe('ID numbers (GB 11643)', () => {
  it('accepts a number with the right check character, X included, in either case', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('532501199003071234'.slice(0, 17) + idNumberCheckChar('53250119900307123'))).toBe(true);
  });
  it('refuses a wrong check character, an impossible birth date, and anything not 18 characters', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    const bad = '53250119900230123';
    expect(isValidIdNumber(bad + idNumberCheckChar(bad))).toBe(false);
    expect(isValidIdNumber('5325011990030712')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
  it('detects every single-digit typing error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const body = '53250119900307123';
        const good = body + idNumberCheckChar(body);
        const typo = good.slice(0, pos) + String((Number(good[pos]) + delta) % 10) + good.slice(pos + 1);
        expect(idNumberCheckChar(typo.slice(0, 17)) === typo[17] && typo !== good).toBe(false);
      }),
    );
  });
  it('masks for display', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskName('普春梅')).toBe('普**');
    expect(maskName('李')).toBe('李*');
  });
});
