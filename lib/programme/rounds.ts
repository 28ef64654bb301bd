import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertRound, nextRoundNo } from '@/db/queries/programme';
import { transaction } from '@/db/tx';

/** 推介会: the programme office opens a new promotion round, numbered after the last one. */
export async function createRound({
  actorId,
  r,
}: {
  actorId: string;
  r: { name: string; heldOn: string; endsOn: string; venue: string };
}): Promise<number> {
  return transaction(async (tx) => {
    const id = await insertRound({ ...r, roundNo: await nextRoundNo(tx) }, tx);
    await recordAudit({ actorUserId: actorId, action: 'round.create', entity: 'round', entityId: String(id) }, tx);
    return id;
  });
}
