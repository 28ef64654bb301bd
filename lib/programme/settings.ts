import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { upsertProgrammeTarget, upsertSetting } from '@/db/queries/programme';
import { transaction } from '@/db/tx';
import { PROGRAMME_YEAR_SETTING } from '@/domain/target-accounting';

/** A switch of the programme office (e.g. whether an expired certificate delists its product), audited. */
export async function setBooleanSetting(p: { key: string; value: boolean; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    await upsertSetting({ key: p.key, value: p.value }, tx);
    await recordAudit(
      { actorUserId: p.actorId, action: 'setting.set', entity: 'setting', entityId: p.key, data: { value: p.value } },
      tx,
    );
  });
}

/** 目标设置: the office sets a year's target and makes that year the one reported. */
export async function setProgrammeTarget(p: { year: number; targetFen: bigint; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    await upsertProgrammeTarget(p, tx);
    await upsertSetting({ key: PROGRAMME_YEAR_SETTING, value: p.year }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'target.set',
        entity: 'programme',
        entityId: String(p.year),
        data: { targetFen: String(p.targetFen) },
      },
      tx,
    );
  });
}
