import { describe, expect, it } from 'vitest';
import { productArtSvg } from './product-art';

describe('productArtSvg', () => {
  const input = { name: '大屯刺绣<围巾>', spec: '180×60cm', color: '#9a3324', motif: 'embroidery' as const };
  it('is deterministic and escapes text', () => {
    const a = productArtSvg(input);
    expect(productArtSvg(input)).toBe(a);
    expect(a).toContain('&lt;围巾&gt;');
    expect(a).not.toContain('<围巾>');
    expect(a.startsWith('<svg')).toBe(true);
  });
  it('differs between variants and names', () => {
    expect(productArtSvg({ ...input, variant: 1 })).not.toBe(productArtSvg(input));
    expect(productArtSvg({ ...input, name: '普洱' })).not.toBe(productArtSvg(input));
  });
});
