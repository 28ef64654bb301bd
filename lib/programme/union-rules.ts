import 'server-only';
import type { Executor } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { getSetting, lockSetting, upsertSetting } from '@/db/queries/programme';
import { transaction } from '@/db/tx';
import { sortWindows, UNION_RULES_SETTING, type FestivalWindow, type UnionRules } from '@/domain/fund-source';
import { AppError } from '@/lib/errors';
import { parseStoredUnionRules } from '@/lib/validation/fund-source';

/** 工会经费规则 as stored (none until the office sets them: every union order is then refused). */
export async function getUnionRules(tx?: Executor): Promise<UnionRules> {
  return parseStoredUnionRules(await getSetting({ key: UNION_RULES_SETTING }, tx));
}

/**
 * The office changes the union rules: read, changed and written under one transaction, audited with the
 * rules before and after (a widened window or a raised amount can be traced to who did it and when).
 */
async function changeUnionRules(
  p: { actorId: string; action: string },
  change: (r: UnionRules) => UnionRules,
): Promise<void> {
  await transaction(
    async (tx) => {
      // The row lock serialises two changes at once (the first time, the insert's unique key does).
      await lockSetting({ key: UNION_RULES_SETTING }, tx);
      const before = await getUnionRules(tx);
      const after = change(before);
      await upsertSetting({ key: UNION_RULES_SETTING, value: after }, tx);
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: p.action,
          entity: 'setting',
          entityId: UNION_RULES_SETTING,
          data: { before, after },
        },
        tx,
      );
    },
    { retry: true },
  );
}

/** 添加节日时段: refused when it overlaps a window already set. */
export async function addFestivalWindow(p: { window: FestivalWindow; actorId: string }): Promise<void> {
  await changeUnionRules({ actorId: p.actorId, action: 'union.window_add' }, (r) => {
    const clash = r.windows.find((w) => w.from <= p.window.to && p.window.from <= w.to);
    if (clash)
      throw new AppError('conflict', `与已设时段“${clash.festival} ${clash.from} 至 ${clash.to}”重叠`, {
        from: '时段重叠',
      });
    return { ...r, windows: sortWindows([...r.windows, p.window]) };
  });
}

/** 删除节日时段 (the one with these dates). */
export async function removeFestivalWindow(p: { window: FestivalWindow; actorId: string }): Promise<void> {
  await changeUnionRules({ actorId: p.actorId, action: 'union.window_remove' }, (r) => {
    const windows = r.windows.filter(
      (w) => !(w.festival === p.window.festival && w.from === p.window.from && w.to === p.window.to),
    );
    if (windows.length === r.windows.length) throw new AppError('not_found', '该节日时段不存在或已删除');
    return { ...r, windows };
  });
}

/** 人均标准 of a year and the excluded categories. */
export async function setUnionAllowance(p: {
  year: number;
  perMemberFen: number;
  excluded: string[];
  actorId: string;
}): Promise<void> {
  await changeUnionRules({ actorId: p.actorId, action: 'union.allowance' }, (r) => ({
    ...r,
    allowances: [...r.allowances.filter((a) => a.year !== p.year), { year: p.year, perMemberFen: p.perMemberFen }].sort(
      (a, b) => a.year - b.year,
    ),
    excludedCategories: p.excluded,
  }));
}
