'use server';

import { requireAdmin } from '@/lib/auth/guards';
import { invalidate } from '@/lib/cache/invalidate';
import { setSiteContact } from '@/lib/programme/settings';
import { siteContactSchema } from '@/lib/validation/site';
import { validatedAction } from './safe-action';

/** 站点信息: the office sets the operator's contact details shown in the footer and on the certificate check. */
export const saveSiteContactAction = validatedAction(siteContactSchema, async (contact) => {
  const admin = await requireAdmin();
  await setSiteContact({ contact, actorId: admin.id });
  invalidate.siteContact();
  return { ok: true, message: '站点信息已保存，页脚即时更新' };
});
