import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeNextPath('/unit')).toBe('/unit');
    expect(safeNextPath('/admin/units?x=1')).toBe('/admin/units?x=1');
    // a listing the buyer was on: percent-encoded Chinese and a form-encoded space
    expect(safeNextPath('/products?q=%E7%B1%B3+5kg&sort=sales')).toBe('/products?q=%E7%B1%B3+5kg&sort=sales');
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
      undefined,
      '/a b',
    ]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });
});
