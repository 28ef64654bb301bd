import { describe, expect, it } from 'vitest';
import { SUPPLIER_TYPES, UNIT_MEMBER_ROLES, UNIT_STATUSES, UNIT_TYPES, USER_ROLES } from './accounts';
import {
  SUPPLIER_TYPE_LABELS,
  UNIT_ROLE_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
  USER_ROLE_LABELS,
} from './labels';

describe('account lists', () => {
  it('have a Chinese label for every value and no value twice', () => {
    const pairs: [readonly string[], Record<string, string>][] = [
      [USER_ROLES, USER_ROLE_LABELS],
      [UNIT_TYPES, UNIT_TYPE_LABELS],
      [UNIT_STATUSES, UNIT_STATUS_LABELS],
      [UNIT_MEMBER_ROLES, UNIT_ROLE_LABELS],
      [SUPPLIER_TYPES, SUPPLIER_TYPE_LABELS],
    ];
    for (const [values, labels] of pairs) {
      expect(new Set(values).size).toBe(values.length);
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
    }
  });
});
