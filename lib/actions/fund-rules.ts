'use server';

import { requireAdmin } from '@/lib/auth/guards';
import { invalidate } from '@/lib/cache/invalidate';
import { formatFen } from '@/domain/money';
import { addFestivalWindow, removeFestivalWindow, setUnionAllowance } from '@/lib/programme/union-rules';
import { festivalWindowSchema, unionAllowanceSchema } from '@/lib/validation/fund-source';
import { validatedAction } from './safe-action';

/** 工会经费规则: the office adds a festival window (a named date range of one year), audited. */
export const addFestivalWindowAction = validatedAction(festivalWindowSchema, async (window) => {
  const admin = await requireAdmin();
  await addFestivalWindow({ window, actorId: admin.id });
  invalidate.unionRules();
  return { ok: true, message: `已添加节日时段：${window.festival} ${window.from} 至 ${window.to}` };
});

/** 工会经费规则: the office removes a festival window, audited. */
export const removeFestivalWindowAction = validatedAction(festivalWindowSchema, async (window) => {
  const admin = await requireAdmin();
  await removeFestivalWindow({ window, actorId: admin.id });
  invalidate.unionRules();
  return { ok: true, message: `已删除节日时段：${window.festival} ${window.from} 至 ${window.to}` };
});

/** 工会经费规则: a year's per-member amount and the excluded categories, audited. */
export const saveUnionAllowanceAction = validatedAction(unionAllowanceSchema, async (f) => {
  const admin = await requireAdmin();
  await setUnionAllowance({ year: f.year, perMemberFen: f.perMember, excluded: f.excluded, actorId: admin.id });
  invalidate.unionRules();
  return {
    ok: true,
    message: `已保存：${f.year} 年工会经费人均 ${formatFen(f.perMember)}，排除 ${f.excluded.length} 个品类`,
  };
});
