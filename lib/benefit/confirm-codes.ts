import 'server-only';
import { randomInt, timingSafeEqual } from 'node:crypto';
import { recordAudit } from '@/db/queries/audit';
import { listHouseholdsInTownship, setConfirmCodeHash } from '@/db/queries/households';
import { transaction } from '@/db/tx';
import { lookupHash } from '@/lib/crypto/pii';

/**
 * 农户确认码 (issue 17): the community or village committee prints each household an 8-digit code; a cash
 * payout counts as confirmed when the manager types the code the household gives them. Only a keyed
 * hash is stored; the codes are shown once, on the sheet the committee prints. Five wrong codes lock it.
 */
export const MAX_CODE_FAILURES = 5;

const hashOf = (householdId: number, code: string) => lookupHash(`household-confirm:${householdId}:${code}`);

export function codeMatches(householdId: number, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashOf(householdId, code));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * New codes for the chosen households (a reviewer's own township only; the office any), replacing any
 * earlier code. Returns the codes for the printed sheet, once.
 */
export async function issueConfirmCodes(p: { actorId: string; townshipSlug: string | null; householdIds: number[] }) {
  const chosen = await listHouseholdsInTownship({ townshipSlug: p.townshipSlug, ids: p.householdIds });
  if (!chosen.length) return [];
  return transaction(async (tx) => {
    const sheet = [];
    for (const h of chosen) {
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      await setConfirmCodeHash({ id: h.id, hash: hashOf(h.id, code) }, tx);
      await recordAudit(
        { actorUserId: p.actorId, action: 'household.confirm_code', entity: 'household', entityId: String(h.id) },
        tx,
      );
      sheet.push({
        householdId: h.id,
        code: h.code,
        village: h.village,
        supplierName: h.supplierName,
        confirmCode: code,
      });
    }
    return sheet;
  });
}
