/** Mainland mobile numbers: +86, spaces and dashes are stripped, then ^1[3-9]\d{9}$ must hold. */
export function normalizeMobile(input: string): string {
  let s = input.normalize('NFKC').replace(/[\s-]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

export function isValidMobile(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(input));
}

/** 13812341234 -> 138****1234: how a number appears to anyone but its owner. */
export function maskMobile(mobile: string): string {
  const m = normalizeMobile(mobile);
  if (m.length < 7) return '*'.repeat(m.length);
  return `${m.slice(0, 3)}****${m.slice(-4)}`;
}

/** Masks a person's name for others: 张三 -> 张*, 欧阳娜娜 -> 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Whether a login name is an e-mail address (otherwise it is treated as a mobile number). */
export function isEmailLogin(login: string): boolean {
  return login.includes('@');
}
