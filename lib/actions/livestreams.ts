'use server';

import { z } from 'zod';
import { createLivestream, setLivestreamStatus } from '@/lib/livestreams/manage';
import { requireLivestreamManager, requireSupplierMember } from '@/lib/auth/guards';
import { parseStreamUrl } from '@/domain/livestream';
import { livestreamSchema } from '@/lib/validation/listings';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 安排直播: title, time, a safe stream link and the supplier's own featured products. */
export const scheduleLivestreamAction = validatedAction(livestreamSchema, async ({ supplierId, streamUrl, ...l }) => {
  const user = await requireSupplierMember(supplierId);
  const link = parseStreamUrl(streamUrl);
  if (!link.ok) throw new AppError('invalid_input', link.error, { streamUrl: link.error });
  const r = await createLivestream({ supplierId, actorId: user.id, streamUrl: link.url, ...l });
  if (typeof r !== 'number') throw new AppError('invalid_input', r.error, { productIds: r.error });
  invalidate.livestream();
  return { ok: true, message: link.embed ? '直播已安排，将在直播页内嵌播放' : '直播已安排，观众将通过链接前往直播间' };
});

/** 开始直播 / 结束直播 / 取消直播. */
export const setLivestreamStatusAction = validatedAction(
  z.object({
    livestreamId: z.coerce
      .number('直播不存在')
      .int('直播不存在')
      .positive('直播不存在')
      .max(2_147_483_647, '直播不存在'),
    to: z.enum(['live', 'ended', 'cancelled'], '操作无效'),
  }),
  async ({ livestreamId, to }) => {
    const { user, supplierId } = await requireLivestreamManager(livestreamId);
    const r = await setLivestreamStatus({ id: livestreamId, supplierId, to, actorId: user.id });
    if (r === 'not_found') throw new AppError('not_found', '直播不存在');
    if (r === 'invalid') throw new AppError('conflict', '直播当前状态不能进行此操作');
    invalidate.livestream(livestreamId);
    return { ok: true, message: { live: '直播已开始', ended: '直播已结束', cancelled: '直播已取消' }[to] };
  },
);
