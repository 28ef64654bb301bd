import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './zod-config';

describe('zod fallback messages', () => {
  it('are Chinese where a schema has none, and never replace a schema’s own', () => {
    const s = z.object({ a: z.string(), b: z.number().max(3), c: z.enum(['x']), d: z.string('请填写 D') });
    const issues = s.safeParse({ b: 9, c: 'y' }).error!.issues;
    expect(Object.fromEntries(issues.map((i) => [i.path[0], i.message]))).toEqual({
      a: '请填写此项',
      b: '内容过长或数值过大',
      c: '选项无效',
      d: '请填写 D',
    });
  });
});
