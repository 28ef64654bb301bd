import { describe, expect, it } from 'vitest';
import { yuanField } from './money';

describe('yuanField', () => {
  const field = yuanField({ required: '请填写金额', invalid: '金额无效', maxFen: 10_000_000 });
  it('turns what people type into fen', () => {
    expect(field.parse('12')).toBe(1200);
    expect(field.parse(' 12.5 ')).toBe(1250);
    expect(field.parse('3,000')).toBe(300_000);
    expect(field.parse('¥3,000.00')).toBe(300_000);
  });
  it('refuses with the field’s own Chinese message', () => {
    for (const bad of ['', 'abc', '0', '-1', '1.234', '100000.01']) {
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
