import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password';

const common = new Set(['password', '12345678', 'qwertyuiop', '1234567890', 'iloveyou']);
const isCommon = (s: string) => common.has(s);

describe('password rules', () => {
  it('refuses short, common and one-character passwords with a Chinese message', () => {
    expect(passwordProblem('12345678', isCommon)).toBe('密码至少 10 位');
    expect(passwordProblem('password', isCommon)).toBe('密码至少 10 位');
    expect(passwordProblem('1234567890', isCommon)).toMatch(/过于常见/);
    expect(passwordProblem('QWERTYUIOP', isCommon)).toMatch(/过于常见/);
    // A common word with digits or symbols appended is still the common word.
    expect(passwordProblem('password123!', isCommon)).toMatch(/过于常见/);
    expect(passwordProblem('aaaaaaaaaaaa', isCommon)).toMatch(/同一个字符/);
    expect(passwordProblem('x'.repeat(201), isCommon)).toBe('密码过长');
  });

  it('accepts a long uncommon password, counting characters not bytes', () => {
    expect(passwordProblem('a-good-password', isCommon)).toBeNull();
    expect(passwordProblem('红河个旧锡都茶香好人家', isCommon)).toBeNull();
    expect(passwordProblem('锡都茶香', isCommon)).toBe('密码至少 10 位');
  });
});
