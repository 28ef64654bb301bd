'use server';

import { z } from 'zod';
import { createInvite } from '@/lib/accounts/invites';
import { issueConfirmCodes } from '@/lib/benefit/confirm-codes';
import { requireKnownTownship } from '@/lib/benefit/households';
import { returnPayout, verifyPayout } from '@/lib/benefit/payouts';
import { requireAdmin, requirePayoutReviewer, requireReviewer } from '@/lib/auth/guards';
import { inviteReviewerSchema, issueCodesSchema, payoutIdField, returnPayoutSchema } from '@/lib/validation/benefit';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/** 带贫成效 (issue 17), the verifying side: the programme office and the reviewers it invites. */

/** 通过 (已核实): the payout counts from now on. Reviewers verify; they never change an amount. */
export const verifyPayoutAction = validatedAction(z.object({ payoutId: payoutIdField }), async ({ payoutId }) => {
  const user = await requirePayoutReviewer(payoutId);
  await verifyPayout({ payoutId, actorId: user.id });
  invalidate.payoutReviewed();
  return { ok: true, message: '已核实' };
});

/** 驳回 (退回): back to the supplier with a reason. */
export const returnPayoutAction = validatedAction(returnPayoutSchema, async ({ payoutId, reason }) => {
  const user = await requirePayoutReviewer(payoutId);
  await returnPayout({ payoutId, actorId: user.id, reason });
  invalidate.payoutReviewed();
  return { ok: true, message: '已退回供应商' };
});

/** 打印确认码: new codes for the chosen households of the reviewer's township (the office: any). */
export const issueConfirmCodesAction = validatedAction(issueCodesSchema, async ({ householdIds }) => {
  const { user, townshipSlug } = await requireReviewer();
  const sheet = await issueConfirmCodes({ actorId: user.id, townshipSlug, householdIds });
  if (!sheet.length) throw new AppError('not_found', '所选农户不在您负责的乡镇（街道），或已不在册');
  invalidate.reviewers();
  return { ok: true, message: `已生成 ${sheet.length} 户的确认码，请立即打印`, data: { sheet: JSON.stringify(sheet) } };
});

/** 邀请核实员: a community or village reviewer for one township. */
export const inviteReviewerAction = validatedAction(inviteReviewerSchema, async ({ townshipSlug, inviteeName }) => {
  const admin = await requireAdmin();
  await requireKnownTownship(townshipSlug);
  const token = await createInvite({ kind: 'payout_reviewer', townshipSlug, inviteeName, createdBy: admin.id });
  invalidate.reviewers();
  return { ok: true, message: '邀请已生成，请把链接发给核实员', data: { invitePath: `/invite/${token}` } };
});
