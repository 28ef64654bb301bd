import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import {
  countSupplierProducts,
  insertLivestream,
  insertLivestreamProducts,
  lockSupplierLivestream,
  setLivestreamStatusRow,
} from '@/db/queries/livestreams';
import { transaction } from '@/db/tx';
import { canTransition, type LivestreamStatus } from '@/domain/livestream';

/** A supplier's 直播带货 sessions: scheduling them and moving them through their states. */

/** 安排直播: featured products must be the supplier's own. Returns the new id, or why it was refused. */
export async function createLivestream(p: {
  supplierId: number;
  actorId: string;
  title: string;
  description: string;
  startsAt: Date;
  streamUrl: string;
  productIds: number[];
}): Promise<number | { error: string }> {
  const productIds = [...new Set(p.productIds)];
  return transaction(async (tx) => {
    if ((await countSupplierProducts({ supplierId: p.supplierId, productIds }, tx)) !== productIds.length)
      return { error: '只能推荐本供应商的商品' };
    const { supplierId, title, description, startsAt, streamUrl } = p;
    const id = await insertLivestream({ supplierId, title, description, startsAt, streamUrl }, tx);
    await insertLivestreamProducts({ livestreamId: id, productIds }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'livestream.create',
        entity: 'livestream',
        entityId: String(id),
        data: { supplierId: p.supplierId, products: p.productIds.length },
      },
      tx,
    );
    return id;
  });
}

/** 开始直播 / 结束直播 / 取消, for the supplier's own sessions and the transitions domain/livestream allows. */
export async function setLivestreamStatus(p: {
  id: number;
  supplierId: number;
  to: LivestreamStatus;
  actorId: string;
}): Promise<'ok' | 'not_found' | 'invalid'> {
  return transaction(async (tx) => {
    const status = await lockSupplierLivestream(p, tx);
    if (!status) return 'not_found';
    if (!canTransition(status, p.to)) return 'invalid';
    await setLivestreamStatusRow(p, tx);
    await recordAudit(
      { actorUserId: p.actorId, action: `livestream.${p.to}`, entity: 'livestream', entityId: String(p.id) },
      tx,
    );
    return 'ok';
  });
}
