import { z } from 'zod';
import {
  EMPTY_UNION_RULES,
  FESTIVALS,
  FUND_SOURCES,
  MAX_WINDOW_DAYS,
  windowDays,
  type UnionRules,
} from '@/domain/fund-source';
import { yuanField } from './money';

const day = (label: string) => z.iso.date(`请填写${label}（年-月-日）`);
const slug = z.string().regex(/^[a-z0-9-]{1,80}$/, '品类无效');

/** 经费来源 as the bulk order form posts it. */
export const fundSourceField = z.enum(FUND_SOURCES, '请选择经费来源');

/** One festival window as the office enters it (/admin/settings). */
export const festivalWindowSchema = z
  .object({ festival: z.enum(FESTIVALS, '请选择节日'), from: day('开始日期'), to: day('结束日期') })
  .refine((w) => w.to >= w.from, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((w) => w.to < w.from || windowDays(w) <= MAX_WINDOW_DAYS, {
    message: `一个节日时段最长 ${MAX_WINDOW_DAYS} 天`,
    path: ['to'],
  })
  .refine((w) => Number(w.from.slice(0, 4)) >= 2020 && Number(w.to.slice(0, 4)) <= 2100, {
    message: '日期须在 2020 年到 2100 年之间',
    path: ['from'],
  });

/** 人均标准 for one year, typed in yuan; excluded categories as ticked. */
export const unionAllowanceSchema = z.object({
  year: z.coerce
    .number('请填写年度')
    .int('年度须为整数')
    .min(2020, '年度须在 2020 到 2100 之间')
    .max(2100, '年度须在 2020 到 2100 之间'),
  perMember: yuanField({
    required: '请填写人均标准',
    invalid: '人均标准须为 1 分到 10 万元之间的金额（元）',
    maxFen: 10_000_000,
  }),
  excluded: z
    .union([slug, z.array(slug).max(50, '品类过多')], '品类无效')
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v])),
});

const storedSchema = z.object({
  windows: z.array(festivalWindowSchema).max(500),
  allowances: z.array(z.object({ year: z.number().int(), perMemberFen: z.number().int().positive() })).max(200),
  excludedCategories: z.array(slug).max(50),
});

/** The stored union rules, or none when never set or no longer valid (a union order is then refused). */
export function parseStoredUnionRules(raw: unknown): UnionRules {
  const r = storedSchema.safeParse(raw ?? EMPTY_UNION_RULES);
  return r.success ? r.data : EMPTY_UNION_RULES;
}
