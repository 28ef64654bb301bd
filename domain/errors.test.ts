import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS } from './errors';

describe('error vocabulary', () => {
  it('maps every code to a status, a handling and one Chinese message', () => {
    for (const code of ERROR_CODES) {
      const e = ERRORS[code];
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.message).toMatch(/[\u4e00-\u9fff]/);
      expect(e.handling).toBe(e.status >= 500 ? 'log' : 'show');
    }
    expect(new Set(ERROR_CODES.map((c) => ERRORS[c].message)).size).toBe(ERROR_CODES.length);
  });
  it('keeps the statuses the API contract names', () => {
    expect(ERRORS.invalid_input.status).toBe(400);
    expect(ERRORS.out_of_stock.status).toBe(409);
    expect(ERRORS.rate_limited.status).toBe(429);
    expect(ERRORS.not_found.status).toBe(404);
  });
});
