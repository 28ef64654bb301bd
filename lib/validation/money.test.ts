import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_YUAN, yuanField } from './money';

describe('yuanField', () => {
  const field = yuanField({ required: '请填写金额', invalid: '金额无效', maxFen: 10_000_000 });
  it('turns what people type into fen', () => {
    expect(field.parse('12')).toBe(1200);
    expect(field.parse(' 12.5 ')).toBe(1250);
    expect(field.parse('3,000')).toBe(300_000);
    expect(field.parse('¥3,000.00')).toBe(300_000);
    expect(field.parse('3,000.50')).toBe(300_050);
    expect(field.parse('¥3000')).toBe(300_000);
    expect(field.parse('３，０００．５０')).toBe(300_050);
  });
  it('refuses an amount that could be read two ways, saying so in Chinese', () => {
    for (const bad of ['3,00', '3,5', '3.000,50', '3.000.00', '1.234', '30,0000']) {
      const r = field.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message, bad).toBe(AMBIGUOUS_YUAN);
    }
  });
  it('refuses with the field’s own Chinese message', () => {
    for (const bad of ['', 'abc', '0', '-1', '100000.01', '$3']) {
      const r = field.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('金额无效');
    }
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe('请填写金额');
  });
  it('allows zero when asked', () => {
    expect(yuanField({ invalid: 'x', minFen: 0 }).parse('0')).toBe(0);
  });
});
