import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertSupplier, updateSupplierProfileRow } from '@/db/queries/suppliers';
import { transaction } from '@/db/tx';
import type { SupplierType } from '@/domain/accounts';
import { AppError, asConstraintError } from '@/lib/errors';

/** Suppliers: created by the programme office, their public profile kept by their managers. */

export async function createSupplier({
  actorId,
  s,
}: {
  actorId: string;
  s: {
    name: string;
    slug: string;
    type: SupplierType;
    townshipSlug: string;
    creditCode: string;
    povertyHouseholds: number;
    benefitShareBps: number;
    benefitMechanism: string;
    description: string;
    address: string;
  };
}): Promise<number> {
  try {
    return await transaction(async (tx) => {
      const id = await insertSupplier(s, tx);
      await recordAudit(
        {
          actorUserId: actorId,
          action: 'supplier.create',
          entity: 'supplier',
          entityId: String(id),
          data: { slug: s.slug },
        },
        tx,
      );
      return id;
    });
  } catch (e) {
    throw asConstraintError(e, {
      unique: new AppError('conflict', '供应商已存在', { slug: '网址标识、名称或信用代码已被使用' }),
      foreignKey: new AppError('invalid_input', '镇（街道）不存在', { townshipSlug: '请选择镇（街道）' }),
    });
  }
}

/** 简介、地址、带贫机制; returns whether there is such a supplier. */
export async function updateSupplierProfile(p: {
  supplierId: number;
  actorId: string;
  p: { description: string; address: string; benefitMechanism: string };
}): Promise<boolean> {
  return transaction(async (tx) => {
    if (!(await updateSupplierProfileRow(p, tx))) return false;
    await recordAudit(
      { actorUserId: p.actorId, action: 'supplier.update', entity: 'supplier', entityId: String(p.supplierId) },
      tx,
    );
    return true;
  });
}
