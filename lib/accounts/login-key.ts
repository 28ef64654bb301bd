import 'server-only';
import { encryptText, lookupHash } from '@/lib/crypto/pii';
import { isEmailLogin, normalizeMobile } from '@/domain/phone';

/** The hash under which a login name (e-mail or mobile) is looked up and rate-limited. */
export function loginKey(login: string): { email: string | null; mobileHash: string | null; accountHash: string } {
  const trimmed = login.trim();
  if (isEmailLogin(trimmed)) {
    const email = trimmed.toLowerCase();
    return { email, mobileHash: null, accountHash: lookupHash(`login:${email}`) };
  }
  const mobile = normalizeMobile(trimmed);
  const mobileHash = lookupHash(`mobile:${mobile}`);
  return { email: null, mobileHash, accountHash: lookupHash(`login:${mobile}`) };
}

/** The keyed hash that finds an order (or an account) by a mobile number without storing it in clear. */
export function mobileLookupHash(mobile: string): string {
  return lookupHash(`mobile:${normalizeMobile(mobile)}`);
}

/** The columns that store a login: the e-mail, or a mobile number's lookup hash and its ciphertext. */
export function loginColumns(login: string): { email: string } | { mobileHash: string; mobileEnc: Uint8Array } {
  const key = loginKey(login);
  return key.email ? { email: key.email } : { mobileHash: key.mobileHash!, mobileEnc: encryptText(login) };
}
