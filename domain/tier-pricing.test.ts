import { describe, expect, it } from 'vitest';
import { formatTierText, parseTierText, unitPriceFor, validateTiers } from './tier-pricing';

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

describe('parseTierText', () => {
  it('reads one tier per line in the forms managers type', () => {
    expect(parseTierText('10 65.00\n50件 ¥60\n\n100=55.5', 6900)).toEqual({
      tiers: [
        { minQuantity: 10, priceFen: 6500 },
        { minQuantity: 50, priceFen: 6000 },
        { minQuantity: 100, priceFen: 5550 },
      ],
    });
    expect(parseTierText('', 6900)).toEqual({ tiers: [] });
  });
  it('refuses malformed lines and tiers that do not get cheaper', () => {
    expect(parseTierText('十件 65', 6900)).toEqual({ error: '第 1 行格式应为「数量 单价」，如「10 65.00」' });
    expect(parseTierText('10 70.00', 6900)).toEqual({ error: '阶梯价须低于上一档价格' });
    expect(parseTierText('10 65.001', 6900)).toHaveProperty('error');
  });
  it('round-trips through formatTierText', () => {
    const tiers = [{ minQuantity: 10, priceFen: 6550 }];
    expect(parseTierText(formatTierText(tiers), 6900)).toEqual({ tiers });
  });
});
