import { describe, expect, it } from 'vitest';
import {
  saleChannel,
  benefitEstimateFen,
  chinaYear,
  programmeYearBounds,
  progressFraction,
  toWeeks,
  weekOf,
} from './target-accounting';

describe('programme year', () => {
  it('runs in China time', () => {
    const { from, to } = programmeYearBounds(2020);
    expect(from.toISOString()).toBe('2019-12-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2020-12-31T16:00:00.000Z');
    expect(chinaYear(new Date('2020-12-31T15:59:59Z'))).toBe(2020);
    expect(chinaYear(new Date('2020-12-31T16:00:00Z'))).toBe(2021);
  });
});

describe('benefit and progress', () => {
  it('rounds the benefit down to the fen and never goes negative', () => {
    expect(benefitEstimateFen(10_001n, 4500)).toBe(4500n);
    expect(benefitEstimateFen(-5n, 4500)).toBe(0n);
    expect(benefitEstimateFen(4_000_000_000n, 10000)).toBe(4_000_000_000n);
  });
  it('gives progress to six decimals', () => {
    expect(progressFraction(1_000_000_000n, 4_000_000_000n)).toBe(0.25);
    expect(progressFraction(1n, 3n)).toBe(0.333333);
    expect(progressFraction(5n, 0n)).toBe(0);
  });
});

describe('weeks', () => {
  it('start on Monday and sum exactly', () => {
    expect(weekOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(weekOf('2026-11-23')).toBe('2026-11-23');
    expect(
      toWeeks([
        { day: '2026-11-22', countedFen: 1n, uncountedFen: 0n },
        { day: '2026-11-23', countedFen: 2n, uncountedFen: 5n },
        { day: '2026-11-29', countedFen: 3n, uncountedFen: 0n },
      ]),
    ).toEqual([
      { day: '2026-11-16', countedFen: 1n, uncountedFen: 0n },
      { day: '2026-11-23', countedFen: 5n, uncountedFen: 5n },
    ]);
  });
});

describe('saleChannel', () => {
  it('counts a unit order under its round or the unit channel, a stream order under livestream, else online', () => {
    expect(saleChannel({ unitOrder: true, roundId: 3, livestreamId: null })).toBe('round');
    expect(saleChannel({ unitOrder: true, roundId: null, livestreamId: 5 })).toBe('unit');
    expect(saleChannel({ unitOrder: false, roundId: null, livestreamId: 5 })).toBe('livestream');
    expect(saleChannel({ unitOrder: false, roundId: null, livestreamId: null })).toBe('online');
  });
});
