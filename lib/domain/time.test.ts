import { describe, expect, it } from 'vitest';
import { formatChinaDateTime } from './time';

describe('formatChinaDateTime', () => {
  it('shows UTC+8 wall time', () => {
    expect(formatChinaDateTime(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30 00:30');
  });
});
