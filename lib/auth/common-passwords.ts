import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The common-password list bundled with zxcvbn-ts (@zxcvbn-ts/language-common: about 49,000 passwords
 * from public breach corpora, most common first). Loaded once, on the first password that is checked.
 */
let common: Set<string> | undefined;

export function isCommonPassword(lowercased: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common.has(lowercased);
}
