import { describe, expect, it } from 'vitest';
import { ACCOUNT_NO_PATTERN, EMPTY_PAYEE, accountDigits, groupAccountNo, payeeIsSet } from './payee';

describe('payee account', () => {
  it('is set only when every field is', () => {
    expect(payeeIsSet(EMPTY_PAYEE)).toBe(false);
    expect(payeeIsSet({ accountName: '某单位', bank: '某银行', accountNo: ' ' })).toBe(false);
    expect(payeeIsSet({ accountName: '某单位', bank: '某银行', accountNo: '6228480012345678' })).toBe(true);
  });
  it('reads account numbers as banks print them', () => {
    expect(accountDigits('6228 4800-1234 5678')).toBe('6228480012345678');
    expect(accountDigits('６２２８ ４８００')).toBe('62284800');
    expect(groupAccountNo('6228480012345678901')).toBe('6228 4800 1234 5678 901');
    for (const ok of ['6228480012345678', '5301 0000 0000', '5301-0000-0000'])
      expect(ACCOUNT_NO_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', ' 5301', '5301 ', 'abc', '5301;0000']) expect(ACCOUNT_NO_PATTERN.test(bad)).toBe(false);
  });
});
