import { describe, expect, it } from 'vitest';
import { mergeLines, priceOrder, shippingFor } from './checkout';

describe('checkout rules', () => {
  it('sums lines for the same product', () => {
    expect(
      mergeLines([
        { slug: 'a', quantity: 2 },
        { slug: 'b', quantity: 1 },
        { slug: 'a', quantity: 3 },
      ]),
    ).toEqual([
      { slug: 'a', quantity: 5 },
      { slug: 'b', quantity: 1 },
    ]);
  });
  it('charges 8 yuan shipping below 99 yuan of goods', () => {
    expect(shippingFor(9_899n)).toBe(800n);
    expect(shippingFor(9_900n)).toBe(0n);
    expect(shippingFor(0n)).toBe(0n);
  });
  it('prices exactly in fen', () => {
    const p = priceOrder([
      { productId: 1, quantity: 3, unitPriceFen: 1999 },
      { productId: 2, quantity: 1, unitPriceFen: 1 },
    ]);
    expect(p.itemsFen).toBe(5998n);
    expect(p.shippingFen).toBe(800n);
    expect(p.totalFen).toBe(6798n);
    expect(p.lines[0]!.lineTotalFen).toBe(5997n);
  });
});
