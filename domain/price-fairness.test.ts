import { describe, expect, it } from 'vitest';
import { isOverpriced } from './price-fairness';

describe('price-fairness guard', () => {
  it('flags prices more than 30% above the reference, exactly', () => {
    expect(isOverpriced(13000, 10000)).toBe(false); // exactly +30%
    expect(isOverpriced(13001, 10000)).toBe(true);
    expect(isOverpriced(6800, 5000)).toBe(true); // the demo's dried mushrooms
    expect(isOverpriced(9999, null)).toBe(false);
  });
});
