import { describe, expect, it } from 'vitest';
import { cleanInput, cleanText } from './clean-input';

describe('cleanInput', () => {
  it('removes NUL and other control characters but keeps tabs, newlines and all text', () => {
    expect(cleanText('茶\u0000叶\u0007\t\n\r ¥1')).toBe('茶叶\t\n\r ¥1');
  });
  it('cleans nested strings and leaves files, numbers and nulls alone', () => {
    const f = new File(['x'], 'a.jpg');
    expect(cleanInput({ a: 'x\u0000', b: [1, 'y\u0000'], c: { d: null }, f })).toEqual({
      a: 'x',
      b: [1, 'y'],
      c: { d: null },
      f,
    });
    expect(cleanInput({ f }).f).toBe(f);
  });
});
