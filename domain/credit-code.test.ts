import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
  withCreditCodeCheck,
} from './credit-code';

describe('统一社会信用代码', () => {
  it('accepts the codes the programme uses as examples and rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('9111000000000000G0')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y4Z')).toBe(false);
  });
  it('rejects I, O, S, V and Z anywhere', () => {
    for (const bad of 'IOSVZ') {
      for (const pos of [0, 5, 10, 17]) {
        const code = '91350100M000100Y43'.split('');
        code[pos] = bad;
        expect(isValidCreditCode(code.join(''))).toBe(false);
      }
    }
  });
  it('property: changing any one character of a valid code makes it invalid', () => {
    const body = fc
      .array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        body,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...(CREDIT_CODE_CHARSET + 'IOSVZ')),
        (b, pos, ch) => {
          const code = withCreditCodeCheck(b);
          fc.pre(code[pos] !== ch);
          const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
          return !isValidCreditCode(changed);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('911100001000048463')).toBe(false); // one character changed
  });
  it('computes the check character and maps 31 to 0', () => {
    const body = '91350100M000100Y4';
    expect(creditCodeCheckChar(body)).toBe('3');
    // Search a body whose remainder is 0 so that 31 - 0 = 31 becomes '0'.
    let found = '';
    for (let n = 0; n < 1000 && !found; n++) {
      const b = `9353250100000${String(n).padStart(4, '0')}`;
      if (creditCodeCheckChar(b) === '0') found = b;
    }
    expect(found).not.toBe('');
    expect(isValidCreditCode(`${found}0`)).toBe(true);
  });
  it('rejects the letters I, O, S, V, Z and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false);
    expect(creditCodeCheckChar('9135010IM000100Y4')).toBeNull();
  });
  it('normalises spacing and case', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });
  it('completes a body with its check character', () => {
    const code = withCreditCodeCheck('93532501MA6K00001');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });
});
