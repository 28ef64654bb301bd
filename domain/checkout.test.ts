import { describe, expect, it } from 'vitest';
import { mergeLines, priceOrder, shippingFor, stockRefusal } from './checkout';

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

  it('refuses a quantity above stock with the stock shown, never cutting it', () => {
    expect(stockRefusal({ quantity: 12, stock: 12 })).toBeNull();
    expect(stockRefusal({ quantity: 20, stock: 12 })).toBe('库存不足：该商品仅剩 12 件');
    expect(stockRefusal({ quantity: 1, stock: 0 })).toBe('该商品已售罄');
    // the cart already holds 5: adding 8 more asks for 13 of 12
    expect(stockRefusal({ quantity: 13, stock: 12, inCart: 5 })).toBe('库存不足：该商品仅剩 12 件，购物车中已有 5 件');
  });
  it('always lets a quantity go down, even while still above a stock that fell', () => {
    expect(stockRefusal({ quantity: 19, stock: 12, inCart: 20 })).toBeNull();
    expect(stockRefusal({ quantity: 21, stock: 12, inCart: 20 })).not.toBeNull();
  });
});
