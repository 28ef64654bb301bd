import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { countRecentLoginFailures, findUserForLogin, insertLoginAttempt, setLastLogin } from '@/db/queries/users';
import { transaction } from '@/db/tx';
import { loginKey } from '@/lib/accounts/login-key';
import { lookupHash } from '@/lib/crypto/pii';
import { dummyHash, verifyPassword } from './password';
import { getEnv } from '@/lib/env';

export type LoginOutcome =
  { ok: true; userId: string } | { ok: false; code: 'rate_limited' | 'invalid' | 'inactive'; message: string };

const WINDOW_MS = 15 * 60_000;

export function loginLimit(): number {
  return getEnv().RATE_LIMIT_LOGIN_PER_15_MIN;
}

/**
 * Checks a login: at most RATE_LIMIT_LOGIN_PER_15_MIN failures per account and per client address in
 * 15 minutes; the same message for an unknown account and a wrong password; every outcome is recorded.
 */
export async function checkLogin({
  login,
  password,
  address,
}: {
  login: string;
  password: string;
  address: string;
}): Promise<LoginOutcome> {
  const key = loginKey(login);
  const { accountHash } = key;
  const addressHash = lookupHash(`address:${address}`);
  const limit = loginLimit();
  const failures = await countRecentLoginFailures({
    accountHash,
    addressHash,
    since: new Date(Date.now() - WINDOW_MS),
  });
  if (failures.byAccount >= limit || failures.byAddress >= limit) {
    await recordAudit({
      actorUserId: null,
      action: 'login.rate_limited',
      entity: 'login',
      entityId: accountHash.slice(0, 16),
    });
    return { ok: false, code: 'rate_limited', message: '登录失败次数过多，请 15 分钟后再试' };
  }
  const user = await findUserForLogin(key);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  if (!user || !valid) {
    await insertLoginAttempt({ accountHash, addressHash, succeeded: false });
    await recordAudit({
      actorUserId: null,
      action: 'login.failed',
      entity: user ? 'user' : 'login',
      entityId: user?.id ?? accountHash.slice(0, 16),
    });
    return { ok: false, code: 'invalid', message: '账号或密码错误' };
  }
  if (!user.active) {
    await recordAudit({ actorUserId: user.id, action: 'login.inactive', entity: 'user', entityId: user.id });
    return { ok: false, code: 'inactive', message: '该账号已停用，请联系个旧市消费扶贫办公室' };
  }
  await transaction(async (tx) => {
    await insertLoginAttempt({ accountHash, addressHash, succeeded: true }, tx);
    await setLastLogin({ userId: user.id }, tx);
  });
  await recordAudit({ actorUserId: user.id, action: 'login', entity: 'user', entityId: user.id });
  return { ok: true, userId: user.id };
}
