import { describe, expect, it } from 'vitest';
import { unitPriceFor, validateTiers } from './tier-pricing';

const tiers = [
  { minQuantity: 50, priceFen: 4500 },
  { minQuantity: 10, priceFen: 4800 },
];

describe('tier pricing', () => {
  it('uses the largest tier reached', () => {
    expect(unitPriceFor(5000, tiers, 1)).toBe(5000);
    expect(unitPriceFor(5000, tiers, 10)).toBe(4800);
    expect(unitPriceFor(5000, tiers, 49)).toBe(4800);
    expect(unitPriceFor(5000, tiers, 500)).toBe(4500);
  });
  it('never charges more than the base price', () => {
    expect(unitPriceFor(4000, [{ minQuantity: 10, priceFen: 4500 }], 20)).toBe(4000);
  });
  it('validates tiers', () => {
    expect(validateTiers(5000, tiers)).toBeNull();
    expect(validateTiers(5000, [{ minQuantity: 10, priceFen: 5200 }])).toMatch('低于');
    expect(validateTiers(5000, [{ minQuantity: 1, priceFen: 4000 }])).toMatch('数量');
  });
});
