import { describe, expect, it } from 'vitest';
import { deviceOf } from './device';

describe('deviceOf', () => {
  const pixel =
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';

  it('tells phones from desktops by the User-Agent', () => {
    const desktop = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
    const windows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36';
    expect(deviceOf(pixel)).toBe('phone');
    expect(deviceOf(iphone)).toBe('phone');
    expect(deviceOf(desktop)).toBe('desktop');
    expect(deviceOf(windows)).toBe('desktop');
    expect(deviceOf(null)).toBe('desktop');
    expect(deviceOf('x'.repeat(100_000))).toBe('desktop');
  });

  it("WeChat's in-app browser is its own kind (no WeChat Pay H5 there)", () => {
    expect(deviceOf(`${iphone} MicroMessenger/8.0.47`)).toBe('wechat');
    expect(deviceOf(`${pixel} MicroMessenger/8.0.47`)).toBe('wechat');
  });
});
