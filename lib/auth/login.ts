import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { findUserForLogin, insertLoginAttempt, setLastLogin } from '@/db/queries/users';
import { transaction } from '@/db/tx';
import { loginKey } from '@/lib/accounts/login-key';
import { lookupHash } from '@/lib/crypto/pii';
import { getEnv } from '@/lib/env';
import { RateLimitError } from '@/lib/errors';
import { assertAllowed, recordHit } from '@/lib/security/rate-limit';
import { dummyHash, verifyPassword } from './password';

export type LoginOutcome =
  | { ok: true; userId: string }
  | { ok: false; code: 'rate_limited'; message: string; retryAfterSeconds: number }
  | { ok: false; code: 'invalid' | 'inactive'; message: string };

/**
 * Checks a login. Failures are limited per account and per client address (lib/security/rate-limit,
 * domain/rate-limits `loginAccount`/`loginAddress`): RATE_LIMIT_LOGIN_PER_15_MIN free failures, then
 * growing delays (2 s, 4 s, … at most 5 minutes for an account), so that an attacker cannot lock the
 * owner out. A throttled attempt is refused before the password is checked and writes nothing. An unknown
 * account and a wrong password get the same message; failures and successes are recorded.
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
  try {
    await assertAllowed('loginAccount', accountHash);
    await assertAllowed('loginAddress', address);
  } catch (e) {
    if (!(e instanceof RateLimitError)) throw e;
    return { ok: false, code: 'rate_limited', message: e.message, retryAfterSeconds: e.retryAfterSeconds };
  }
  const user = await findUserForLogin(key);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  const addressHash = lookupHash(`address:${address}`);
  if (!user || !valid) {
    await insertLoginAttempt({ accountHash, addressHash, succeeded: false });
    const [byAccount, byAddress] = await Promise.all([
      recordHit('loginAccount', accountHash),
      recordHit('loginAddress', address),
    ]);
    await recordAudit({
      actorUserId: null,
      action: 'login.failed',
      entity: user ? 'user' : 'login',
      entityId: user?.id ?? accountHash.slice(0, 16),
    });
    // Recorded once, when the delays begin; the throttled attempts that follow write nothing.
    const free = getEnv().RATE_LIMIT_LOGIN_PER_15_MIN;
    if (byAccount === free || byAddress === free)
      await recordAudit({
        actorUserId: null,
        action: 'login.rate_limited',
        entity: 'login',
        entityId: accountHash.slice(0, 16),
        data: { by: byAccount === free ? 'account' : 'address' },
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
