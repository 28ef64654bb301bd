import { describe, expect, it } from 'vitest';
import { dayOfYear, daysInYear, payoutGapStart, pledgePaceFen, reportAsOf } from './monthly-report';

describe('monthly report rules', () => {
  it('counts days of the year from 1 January', () => {
    expect(dayOfYear('2026-01-01')).toBe(1);
    expect(dayOfYear('2026-12-31')).toBe(365);
    expect(daysInYear(2028)).toBe(366);
    expect(dayOfYear('2028-03-01')).toBe(61);
  });
  it('paces a pledge by the share of the year gone, rounded down', () => {
    expect(pledgePaceFen(36_500n, '2026-01-01')).toBe(100n);
    expect(pledgePaceFen(50_000_000n, '2026-06-30')).toBe((50_000_000n * 181n) / 365n);
    expect(pledgePaceFen(50_000_000n, '2026-12-31')).toBe(50_000_000n);
    expect(pledgePaceFen(0n, '2026-06-30')).toBe(0n);
  });
  it('reads a running month as of today and a past one as of its last day', () => {
    expect(reportAsOf('2026-11-30', '2026-12-01')).toBe('2026-11-30');
    expect(reportAsOf('2026-12-31', '2026-12-01')).toBe('2026-12-01');
  });
  it('looks 90 days back, both ends included', () => {
    expect(payoutGapStart('2026-03-31', 90)).toBe('2026-01-01');
  });
});
