import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '@/db/queries/audit';
import {
  claimPasswordReset,
  findOpenPasswordReset,
  getPasswordHash,
  insertPasswordReset,
  setPasswordHash,
  voidPasswordResets,
} from '@/db/queries/passwords';
import { bumpSessionVersion } from '@/db/queries/users';
import { transaction } from '@/db/tx';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';

/**
 * Passwords: change (signed in, with the current password), and the reset the programme office starts
 * for a user (a one-time link, 24 hours, only its hash stored, shown once to the officer like an
 * invitation). Both end every session of the account. New passwords pass lib/validation (domain/password).
 */
const RESET_HOURS = 24;
const hashToken = (token: string) => createHash('sha256').update(`reset:${token}`).digest('hex');

/** 修改密码. A wrong current password counts as a failed login of the account (growing delays). */
export async function changePassword(p: { userId: string; current: string; next: string }): Promise<void> {
  const key = `user:${p.userId}`;
  await assertAllowed('loginAccount', key);
  const stored = await getPasswordHash({ userId: p.userId });
  if (!stored || !(await verifyPassword(stored, p.current))) {
    await recordHit('loginAccount', key);
    throw new AppError('unauthorized', '当前密码不正确', { current: '当前密码不正确' });
  }
  if (p.current === p.next)
    throw new AppError('invalid_input', '新密码不能与当前密码相同', { password: '新密码不能与当前密码相同' });
  const passwordHash = await hashPassword(p.next);
  await transaction(async (tx) => {
    await setPasswordHash({ userId: p.userId, passwordHash }, tx);
    await recordAudit({ actorUserId: p.userId, action: 'password.change', entity: 'user', entityId: p.userId }, tx);
  });
}

/** The office starts a reset for a user: returns the token, shown once. Earlier links stop working. */
export async function startPasswordReset(p: { userId: string; adminId: string }): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await transaction(async (tx) => {
    await voidPasswordResets({ userId: p.userId }, tx);
    await insertPasswordReset(
      {
        tokenHash: hashToken(token),
        userId: p.userId,
        createdBy: p.adminId,
        expiresAt: new Date(Date.now() + RESET_HOURS * 3600_000),
      },
      tx,
    );
    await recordAudit(
      { actorUserId: p.adminId, action: 'password.reset_start', entity: 'user', entityId: p.userId },
      tx,
    );
  });
  return token;
}

export async function findPasswordReset({ token }: { token: string }) {
  return findOpenPasswordReset({ tokenHash: hashToken(token) });
}

/** Sets a new password through a reset link, once; every session of the account ends. */
export async function resetPassword(p: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(p.password);
  await transaction(async (tx) => {
    const r = await claimPasswordReset({ tokenHash: hashToken(p.token) }, tx);
    if (!r) throw new AppError('not_found', '重置链接无效、已使用或已过期，请联系个旧市消费扶贫办公室');
    await setPasswordHash({ userId: r.userId, passwordHash }, tx);
    await recordAudit({ actorUserId: r.userId, action: 'password.reset', entity: 'user', entityId: r.userId }, tx);
  });
}

/** 退出登录: every session of the account ends, also copies of its cookie elsewhere. */
export async function endAllSessions(p: { userId: string }): Promise<void> {
  await transaction(async (tx) => {
    await bumpSessionVersion(p, tx);
    await recordAudit({ actorUserId: p.userId, action: 'logout', entity: 'user', entityId: p.userId }, tx);
  });
}
