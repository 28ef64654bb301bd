import { describe, expect, it } from 'vitest';
import { wechatPayFlow } from './browser';

describe('wechatPayFlow', () => {
  it('H5 on phone browsers, Native on desktops and inside WeChat', () => {
    const pixel =
      'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    const desktop = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
    expect(wechatPayFlow(pixel)).toBe('h5');
    expect(wechatPayFlow(iphone)).toBe('h5');
    expect(wechatPayFlow(`${iphone} MicroMessenger/8.0.47`)).toBe('native');
    expect(wechatPayFlow(desktop)).toBe('native');
    expect(wechatPayFlow(null)).toBe('native');
  });
});
