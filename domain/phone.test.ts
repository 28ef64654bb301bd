import { describe, expect, it } from 'vitest';
import { isValidMobile, maskMobile, maskName, normalizeMobile } from './phone';

describe('mobile numbers', () => {
  it('strips +86, spaces and dashes', () => {
    expect(normalizeMobile('+86 138-1234-1234')).toBe('13812341234');
    expect(normalizeMobile('0086 13812341234')).toBe('13812341234');
    expect(normalizeMobile('１３８１２３４１２３４')).toBe('13812341234');
  });
  it('accepts only ^1[3-9]\\d{9}$ after normalising', () => {
    expect(isValidMobile('+86 138 1234 1234')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
    for (const bad of ['12812341234', '1381234123', '138123412345', '2381234123', 'abc', '', '+1 13812341234']) {
      expect(isValidMobile(bad)).toBe(false);
    }
  });
  it('masks numbers and names for other people', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile('+86 138-1234-1234')).toBe('138****1234');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
});
