'use server';

import { revalidatePath, revalidateTag } from 'next/cache';
import { updateSupplierProfile } from '@/db/queries/accounts';
import { requireSupplierMember } from '@/lib/auth/guards';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import { updateSupplierProfileSchema } from '@/lib/validation/accounts';
import { ActionError, validatedAction } from './safe-action';

/** A manager updates their own supplier's public profile (简介、地址、带贫机制). */
export const updateSupplierProfileAction = validatedAction(updateSupplierProfileSchema, async ({ supplierId, ...p }) => {
  const user = await requireSupplierMember(supplierId);
  if (!(await updateSupplierProfile({ supplierId, actorId: user.id, p }))) throw new ActionError('not_found', '供应商不存在');
  revalidateTag(CATALOG_TAG, 'max');
  revalidatePath('/workshop');
  return { ok: true, message: '已保存' };
});
