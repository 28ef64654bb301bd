import { describe, expect, it } from 'vitest';
import {
  chinaRfc3339,
  chinaWallClock,
  chinaDate,
  addDays,
  chinaDateOffset,
  chinaDayStart,
  chinaMonth,
  chinaMonthBounds,
  parseChinaMonth,
  chinaMidnight,
  chinaWallTimeToInstant,
  chinaYear,
  chinaYearBounds,
  formatChinaDateTime,
  formatChinaSeconds,
} from './time';

describe('China time', () => {
  it('shows UTC+8 wall time', () => {
    expect(formatChinaDateTime(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30 00:30');
  });
  it('dates and years turn over at midnight Beijing time, not UTC', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
  it('a year runs from 1 January 00:00 to 31 December 24:00 Beijing time', () => {
    const { from, to } = chinaYearBounds(2026);
    expect(from.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(chinaMidnight(2026, 3, 1).toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
  it('reads a typed wall time as Beijing time', () => {
    expect(chinaWallTimeToInstant('2026-11-30T00:30')?.toISOString()).toBe('2026-11-29T16:30:00.000Z');
    expect(chinaWallTimeToInstant('2026-13-40T25:00')).toBeNull();
    expect(chinaWallTimeToInstant('2026-11-30 00:30')).toBeNull();
  });
  it('offsets whole days from today', () => {
    expect(chinaDateOffset(1, new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    expect(chinaDateOffset(-1, new Date('2026-12-31T15:00:00Z'))).toBe('2026-12-30');
  });
});

describe('report months', () => {
  it('run from the 1st 00:00 to the last day 24:00 Beijing time', () => {
    const { from, to, first, last } = chinaMonthBounds(2026, 2);
    expect(from.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect([first, last]).toEqual(['2026-02-01', '2026-02-28']);
    expect(chinaMonthBounds(2028, 2).last).toBe('2028-02-29');
    expect(chinaMonthBounds(2026, 12).to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
  it('are typed as YYYY-MM', () => {
    expect(parseChinaMonth('2026-07')).toEqual({ year: 2026, month: 7 });
    for (const bad of ['2026-7', '2026-13', '2026-00', '26-07', '2026-07-01', '1900-01', '']) {
      expect(parseChinaMonth(bad)).toBeNull();
    }
  });
  it('turn over at midnight Beijing time', () => {
    expect(chinaMonth(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03');
    expect(chinaMonth(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(chinaDayStart('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
  });
});

describe('spreadsheet dates', () => {
  it('reads China wall time in its UTC fields', () => {
    const at = new Date('2026-11-30T02:13:00Z'); // 10:13 in Beijing
    expect(chinaWallClock(at).toISOString()).toBe('2026-11-30T10:13:00.000Z');
    expect(chinaWallClock(new Date('2026-12-31T16:30:00Z')).getUTCFullYear()).toBe(2027);
  });
});

describe('formatChinaSeconds', () => {
  it('prints China wall time to the second, dropping milliseconds (never later than the instant)', () => {
    expect(formatChinaSeconds(new Date('2026-11-29T16:30:09.999Z'))).toBe('2026-11-30 00:30:09');
  });
});

describe('chinaRfc3339', () => {
  it('writes the instant in Beijing time with its offset, seconds rounded down', () => {
    expect(chinaRfc3339(new Date('2026-11-30T16:13:09.999Z'))).toMatch(/^2026-12-01T00:13:09\+08:00$/);
    expect(Date.parse(chinaRfc3339(new Date('2026-11-30T16:13:09.999Z')))).toBe(Date.parse('2026-11-30T16:13:09Z'));
  });
});
