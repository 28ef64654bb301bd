/**
 * 收款账户: the bank account units pay their purchase orders into (对公转账), set by the programme office
 * at /admin/settings. Until all three fields are set, pages say so instead of showing an account.
 */
export const PAYEE_SETTING = 'payee.account';

export const PAYEE_FIELDS = [
  { key: 'accountName', label: '户名', max: 60, placeholder: '个旧市消费帮扶商城运营单位的全称' },
  { key: 'bank', label: '开户行', max: 60, placeholder: '中国农业银行个旧市支行' },
  { key: 'accountNo', label: '账号', max: 40, placeholder: '5301 0000 0000 0000 000' },
] as const;

export type PayeeKey = (typeof PAYEE_FIELDS)[number]['key'];
export type Payee = Record<PayeeKey, string>;

export const EMPTY_PAYEE: Payee = { accountName: '', bank: '', accountNo: '' };

/** Digits with optional spaces or dashes between groups, 8 to 30 digits: how banks print account numbers. */
export const ACCOUNT_NO_PATTERN = /^\d(?:[\d -]*\d)?$/;

/** An account number as typed ("5301 0000-0000") to the digits the bank form takes. */
export function accountDigits(accountNo: string): string {
  return accountNo.normalize('NFKC').replace(/[\s-]/g, '');
}

/** Whether the office has set the whole account (every field); a half-set one is not shown. */
export function payeeIsSet(p: Payee): boolean {
  return PAYEE_FIELDS.every((f) => p[f.key].trim() !== '');
}

/** 6228480012345678 -> "6228 4800 1234 5678": groups of four, as banks print them. */
export function groupAccountNo(accountNo: string): string {
  return accountDigits(accountNo).replace(/(\d{4})(?=\d)/g, '$1 ');
}
