/**
 * Password rules for every new password (registration, invitations, password change and reset): at least
 * 10 characters and not one of the common passwords attackers try first (the list that
 * lib/auth/common-passwords.ts bundles). Existing passwords keep working until they are changed.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export function passwordProblem(password: string, isCommon: (candidate: string) => boolean): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 位`;
  if (password.length > MAX_PASSWORD_LENGTH) return '密码过长';
  if (/^(.)\1*$/u.test(password)) return '密码不能由同一个字符组成';
  if (isCommon(password.toLowerCase()) || isCommon(password.toLowerCase().replace(/[\d\W_]+$/u, '')))
    return '该密码过于常见，容易被猜中，请换一个';
  return null;
}
