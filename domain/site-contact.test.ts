import { describe, expect, it } from 'vitest';
import { HOTLINE_PATTERN, SITE_CONTACT_FIELDS, telHref } from './site-contact';

describe('site contact', () => {
  it('names the five details the footer shows, in order', () => {
    expect(SITE_CONTACT_FIELDS.map((f) => f.label)).toEqual(['主办单位', '运营单位', '客服电话', '服务时间', '备案号']);
  });
  it('dials the hotline without its punctuation or extension', () => {
    expect(telHref('0873-1234567')).toBe('tel:08731234567');
    expect(telHref('(0873) 123 4567 转 8')).toBe('tel:08731234567');
    expect(telHref('+86 873 1234567')).toBe('tel:+868731234567');
    expect(telHref('12')).toBeNull();
    expect(telHref('')).toBeNull();
    expect(telHref('javascript:alert(1)')).toBeNull(); // never more than digits and a leading +
  });
  it('accepts only phone characters in a hotline', () => {
    expect(HOTLINE_PATTERN.test('0873-1234567 转 8')).toBe(true);
    expect(HOTLINE_PATTERN.test('（0873）1234567')).toBe(true);
    expect(HOTLINE_PATTERN.test('javascript:alert(1)')).toBe(false);
    expect(HOTLINE_PATTERN.test('<b>0873</b>')).toBe(false);
  });
});
