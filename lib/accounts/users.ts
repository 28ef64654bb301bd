import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { listUserRecordsForAdmin, setUserActiveRow } from '@/db/queries/accounts';
import { transaction } from '@/db/tx';
import { maskMobile } from '@/domain/phone';
import { decryptText } from '@/lib/crypto/pii';

/** Accounts as the programme office manages them (mobile numbers masked). */

export async function listUsersForAdmin() {
  return (await listUserRecordsForAdmin()).map(({ mobileEnc, ...r }) => ({
    ...r,
    mobileMasked: mobileEnc ? maskMobile(decryptText(mobileEnc)) : null,
  }));
}

/** 停用 / 启用 an account; it takes effect at the user's next request. Returns whether there is such a user. */
export async function setUserActive(p: { userId: string; active: boolean; actorId: string }): Promise<boolean> {
  return transaction(async (tx) => {
    if (!(await setUserActiveRow(p, tx))) return false;
    await recordAudit(
      {
        actorUserId: p.actorId,
        action: p.active ? 'user.activate' : 'user.deactivate',
        entity: 'user',
        entityId: p.userId,
      },
      tx,
    );
    return true;
  });
}
