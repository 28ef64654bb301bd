import { describe, expect, it } from 'vitest';
import { canTransition, isEmbeddable, livestreamPhase, parseStreamUrl } from './livestream';

describe('parseStreamUrl', () => {
  it('accepts https links and says whether they may be embedded', () => {
    expect(parseStreamUrl(' https://live.douyin.com/123456 ')).toEqual({
      ok: true,
      url: 'https://live.douyin.com/123456',
      embed: false,
    });
    expect(parseStreamUrl('https://player.bilibili.com/player.html?bvid=BV1xx')).toMatchObject({
      ok: true,
      embed: true,
    });
  });
  it.each([
    ['javascript:alert(1)'],
    ['JAVASCRIPT:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['http://live.example.com/1'],
    ['//evil.example.com'],
    ['https://user:pw@live.example.com/'],
    ['vbscript:msgbox'],
    ['https://localhost/x'],
    [''],
  ])('refuses %s', (input) => {
    expect(parseStreamUrl(input).ok).toBe(false);
  });
});

describe('isEmbeddable', () => {
  it('is exact about hosts', () => {
    expect(isEmbeddable('https://player.bilibili.com/x')).toBe(true);
    expect(isEmbeddable('https://player.bilibili.com.evil.cn/x')).toBe(false);
    expect(isEmbeddable('https://evil.cn/player.bilibili.com')).toBe(false);
    expect(isEmbeddable('http://player.bilibili.com/x')).toBe(false);
    expect(isEmbeddable('javascript:alert(1)//player.bilibili.com')).toBe(false);
  });
});

describe('livestreamPhase', () => {
  const t = new Date('2026-11-29T12:00:00Z');
  it('follows the manager, then time', () => {
    expect(livestreamPhase('live', new Date('2026-11-30T00:00:00Z'), t)).toBe('live');
    expect(livestreamPhase('scheduled', new Date('2026-11-30T00:00:00Z'), t)).toBe('upcoming');
    expect(livestreamPhase('scheduled', new Date('2026-11-29T07:00:00Z'), t)).toBe('upcoming');
    expect(livestreamPhase('scheduled', new Date('2026-11-29T05:59:00Z'), t)).toBe('past');
    expect(livestreamPhase('ended', new Date('2026-11-30T00:00:00Z'), t)).toBe('past');
    expect(livestreamPhase('cancelled', t, t)).toBe('cancelled');
  });
  it('allows start, end and cancel only in order', () => {
    expect(canTransition('scheduled', 'live')).toBe(true);
    expect(canTransition('live', 'ended')).toBe(true);
    expect(canTransition('ended', 'live')).toBe(false);
    expect(canTransition('scheduled', 'ended')).toBe(false);
    expect(canTransition('live', 'cancelled')).toBe(false);
  });
});
