import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { listTownships } from '@/db/queries/facets';
import {
  getHouseholdRecord,
  householdCodeTaken,
  insertHousehold,
  updateHouseholdRow,
  type HouseholdFields,
} from '@/db/queries/households';
import { transaction } from '@/db/tx';
import { decryptText, encryptText } from '@/lib/crypto/pii';
import { AppError, asConstraintError } from '@/lib/errors';

/**
 * 带贫户台账 (issue 17). The register holds a pseudonymous code; the real name and ID number are optional,
 * encrypted here before they reach the database, and decrypted only by revealHousehold, which audits
 * every reveal. The audit log never holds them.
 */

type Personal = { name: string | null; idNumber: string | null };

const codeTaken = () => new AppError('invalid_input', '该农户编码已登记', { code: '该农户编码已登记' });
const badTownship = () => new AppError('invalid_input', '请选择乡镇（街道）', { townshipSlug: '请选择乡镇（街道）' });
const enc = (v: string | null) => (v === null ? null : encryptText(v));

/** Refuses a township that does not exist before anything is written. */
export async function requireKnownTownship(slug: string): Promise<void> {
  if (!(await listTownships()).some((t) => t.slug === slug)) throw badTownship();
}

/** Refuses a taken code or an unknown township before anything is written (the constraints stay as a backstop). */
async function checkFields(supplierId: number, fields: HouseholdFields, exceptId?: number): Promise<void> {
  await requireKnownTownship(fields.townshipSlug);
  if (await householdCodeTaken({ supplierId, code: fields.code, exceptId })) throw codeTaken();
}

export async function registerHousehold(p: {
  supplierId: number;
  actorId: string;
  fields: HouseholdFields;
  personal: Personal;
}): Promise<number> {
  await checkFields(p.supplierId, p.fields);
  try {
    return await transaction(async (tx) => {
      const id = await insertHousehold(
        { ...p.fields, supplierId: p.supplierId, nameEnc: enc(p.personal.name), idNumberEnc: enc(p.personal.idNumber) },
        tx,
      );
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'household.register',
          entity: 'household',
          entityId: String(id),
          data: { supplierId: p.supplierId, code: p.fields.code, category: p.fields.category },
        },
        tx,
      );
      return id;
    });
  } catch (e) {
    throw asConstraintError(e, { unique: codeTaken(), foreignKey: badTownship() });
  }
}

/**
 * Changes a register entry. A name or ID number typed in replaces the stored one; blank keeps it;
 * `clearPersonal` removes both.
 */
export async function updateHousehold(p: {
  householdId: number;
  supplierId: number;
  actorId: string;
  fields: HouseholdFields;
  personal: Personal;
  clearPersonal: boolean;
  active: boolean;
}): Promise<void> {
  const personal = p.clearPersonal
    ? { nameEnc: null, idNumberEnc: null }
    : {
        ...(p.personal.name !== null ? { nameEnc: encryptText(p.personal.name) } : {}),
        ...(p.personal.idNumber !== null ? { idNumberEnc: encryptText(p.personal.idNumber) } : {}),
      };
  await checkFields(p.supplierId, p.fields, p.householdId);
  try {
    await transaction(async (tx) => {
      const ok = await updateHouseholdRow(
        { id: p.householdId, supplierId: p.supplierId, fields: p.fields, personal, active: p.active },
        tx,
      );
      if (!ok) throw new AppError('not_found', '农户不存在');
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'household.update',
          entity: 'household',
          entityId: String(p.householdId),
          data: {
            code: p.fields.code,
            category: p.fields.category,
            active: p.active,
            personal: p.clearPersonal ? 'cleared' : Object.keys(personal).length ? 'replaced' : 'kept',
          },
        },
        tx,
      );
    });
  } catch (e) {
    throw asConstraintError(e, { unique: codeTaken(), foreignKey: badTownship() });
  }
}

/** 查看身份信息: the name and ID number in clear, for someone the guard allowed; the reveal is audited first. */
export async function revealHousehold(p: { householdId: number; actorId: string }): Promise<Personal> {
  return transaction(async (tx) => {
    const h = await getHouseholdRecord({ id: p.householdId }, tx);
    if (!h) throw new AppError('not_found', '农户不存在');
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'household.reveal',
        entity: 'household',
        entityId: String(p.householdId),
        data: { code: h.code, fields: [h.nameEnc ? 'name' : null, h.idNumberEnc ? 'idNumber' : null].filter(Boolean) },
      },
      tx,
    );
    return {
      name: h.nameEnc ? decryptText(h.nameEnc) : null,
      idNumber: h.idNumberEnc ? decryptText(h.idNumberEnc) : null,
    };
  });
}
