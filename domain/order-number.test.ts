import { describe, expect, it } from 'vitest';
import { formatOrderNo, ORDER_NO_PATTERN } from './order-number';

describe('order numbers', () => {
  it('uses the China date and pads the sequence', () => {
    expect(formatOrderNo(new Date('2026-11-29T17:00:00Z'), 123)).toBe('GJ20261130-000123');
    expect(ORDER_NO_PATTERN.test(formatOrderNo(new Date(), 1234567n))).toBe(true);
  });
});
