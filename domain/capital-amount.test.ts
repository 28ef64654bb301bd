import { describe, expect, it } from 'vitest';
import { capitalAmount } from './capital-amount';

// Each expected value was written out by hand from the People's Bank rules.
describe('大写金额', () => {
  it('writes the amounts the issue names', () => {
    expect(capitalAmount(0)).toBe('人民币零元整');
    expect(capitalAmount(5)).toBe('人民币伍分');
    expect(capitalAmount(1000)).toBe('人民币壹拾元整');
    expect(capitalAmount(10005)).toBe('人民币壹佰元零伍分');
    expect(capitalAmount(100001000)).toBe('人民币壹佰万零壹拾元整');
    expect(capitalAmount(4_000_000_000n)).toBe('人民币肆仟万元整');
  });
  it('handles jiao, inner zeros and large sections', () => {
    expect(capitalAmount(50)).toBe('人民币伍角');
    expect(capitalAmount(1250)).toBe('人民币壹拾贰元伍角');
    expect(capitalAmount(123456)).toBe('人民币壹仟贰佰叁拾肆元伍角陆分');
    expect(capitalAmount(100100)).toBe('人民币壹仟零壹元整');
    expect(capitalAmount(1000000100)).toBe('人民币壹仟万零壹元整');
    expect(capitalAmount(10000000000000n)).toBe('人民币壹仟亿元整');
    expect(capitalAmount(1000100000000n)).toBe('人民币壹佰亿零壹佰万元整'); // 10,001,000,000 元
    expect(capitalAmount(2003)).toBe('人民币贰拾元零叁分');
  });
  it('refuses negative amounts', () => {
    expect(() => capitalAmount(-1)).toThrow(RangeError);
  });
});
