import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { getUnitRecord } from '@/db/queries/units';
import { upsertPledge } from '@/db/queries/programme';
import { transaction } from '@/db/tx';
import { AppError } from '@/lib/errors';

/** 认购目标: the programme office sets a verified unit's pledge for a year. */
export async function setPledge(p: {
  unitId: string;
  year: number;
  pledgeFen: bigint;
  actorId: string;
}): Promise<void> {
  await transaction(async (tx) => {
    const unit = await getUnitRecord({ unitId: p.unitId }, tx);
    if (unit?.status !== 'verified') throw new AppError('not_found', '单位不存在或未认证');
    await upsertPledge(p, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'pledge.set',
        entity: 'unit',
        entityId: p.unitId,
        data: { year: p.year, pledgeFen: String(p.pledgeFen) },
      },
      tx,
    );
  });
}
