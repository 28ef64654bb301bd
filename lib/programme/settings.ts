import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { getSetting, upsertProgrammeTarget, upsertSetting } from '@/db/queries/programme';
import { transaction } from '@/db/tx';
import { PAYEE_SETTING, type Payee } from '@/domain/payee';
import { SITE_CONTACT_SETTING, type SiteContact } from '@/domain/site-contact';
import { PROGRAMME_YEAR_SETTING } from '@/domain/target-accounting';
import { parseStoredPayee } from '@/lib/validation/payee';
import { parseStoredSiteContact } from '@/lib/validation/site';

/** A switch of the programme office (e.g. whether an expired certificate delists its product), audited. */
export async function setBooleanSetting(p: { key: string; value: boolean; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    await upsertSetting({ key: p.key, value: p.value }, tx);
    await recordAudit(
      { actorUserId: p.actorId, action: 'setting.set', entity: 'setting', entityId: p.key, data: { value: p.value } },
      tx,
    );
  });
}

/** 目标设置: the office sets a year's target and makes that year the one reported. */
export async function setProgrammeTarget(p: { year: number; targetFen: bigint; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    await upsertProgrammeTarget(p, tx);
    await upsertSetting({ key: PROGRAMME_YEAR_SETTING, value: p.year }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'target.set',
        entity: 'programme',
        entityId: String(p.year),
        data: { targetFen: String(p.targetFen) },
      },
      tx,
    );
  });
}

/** The operator's contact details as stored (empty fields when never set). Pages read cachedSiteContact. */
export async function getSiteContact(): Promise<SiteContact> {
  return parseStoredSiteContact(await getSetting({ key: SITE_CONTACT_SETTING }));
}

/** 站点信息: the operator's contact details in the footer and on the certificate check, audited. */
export async function setSiteContact(p: { contact: SiteContact; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    await upsertSetting({ key: SITE_CONTACT_SETTING, value: p.contact }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'site.contact',
        entity: 'setting',
        entityId: SITE_CONTACT_SETTING,
        data: p.contact,
      },
      tx,
    );
  });
}

/** 收款账户 as stored (empty fields until the office sets it): shown wherever a unit is asked to transfer. */
export async function getPayee(): Promise<Payee> {
  return parseStoredPayee(await getSetting({ key: PAYEE_SETTING }));
}

/**
 * 收款账户: the office sets the account units transfer to. Audited with the account it replaced, so a
 * changed account (the first thing a fraud would change) can be traced to who changed it and when.
 */
export async function setPayee(p: { payee: Payee; actorId: string }): Promise<void> {
  await transaction(async (tx) => {
    const before = parseStoredPayee(await getSetting({ key: PAYEE_SETTING }, tx));
    await upsertSetting({ key: PAYEE_SETTING, value: p.payee }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: 'payee.set',
        entity: 'setting',
        entityId: PAYEE_SETTING,
        data: { before, after: p.payee },
      },
      tx,
    );
  });
}
