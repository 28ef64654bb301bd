import { describe, expect, it } from 'vitest';
import { bpsPercent } from './labels';

describe('bpsPercent', () => {
  it('prints basis points as a short percentage', () => {
    expect(bpsPercent(4500)).toBe('45%');
    expect(bpsPercent(1250)).toBe('12.5%');
    expect(bpsPercent(1205)).toBe('12.05%');
    expect(bpsPercent(0)).toBe('0%');
  });
});
