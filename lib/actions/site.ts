'use server';

import { requireAdmin } from '@/lib/auth/guards';
import { invalidate } from '@/lib/cache/invalidate';
import { setPayee, setSiteContact } from '@/lib/programme/settings';
import { payeeSchema } from '@/lib/validation/payee';
import { siteContactSchema } from '@/lib/validation/site';
import { validatedAction } from './safe-action';

/** 站点信息: the office sets the operator's contact details shown in the footer and on the certificate check. */
export const saveSiteContactAction = validatedAction(siteContactSchema, async (contact) => {
  const admin = await requireAdmin();
  await setSiteContact({ contact, actorId: admin.id });
  invalidate.siteContact();
  return { ok: true, message: '站点信息已保存，页脚即时更新' };
});

/** 收款账户: the office sets the bank account units transfer to (audited with the account it replaced). */
export const savePayeeAction = validatedAction(payeeSchema, async (payee) => {
  const admin = await requireAdmin();
  await setPayee({ payee, actorId: admin.id });
  invalidate.payee();
  return { ok: true, message: '收款账户已保存，单位的转账页面即时显示' };
});
