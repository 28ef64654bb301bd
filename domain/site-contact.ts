/**
 * The operator's contact details, set by the programme office at /admin/settings and shown in the
 * footer of every page and on the certificate check. An empty field is simply not shown.
 */
export const SITE_CONTACT_SETTING = 'site.contact';

export const SITE_CONTACT_FIELDS = [
  { key: 'host', label: '主办单位', max: 60, placeholder: '个旧市消费帮扶工作领导小组办公室' },
  { key: 'operator', label: '运营单位', max: 60, placeholder: '商城运营单位的全称' },
  { key: 'hotline', label: '客服电话', max: 30, placeholder: '0873-1234567' },
  { key: 'hours', label: '服务时间', max: 40, placeholder: '每天 9:00–18:00' },
  { key: 'icp', label: '备案号', max: 40, placeholder: '滇ICP备XXXXXXXX号-1' },
] as const;

export type SiteContactKey = (typeof SITE_CONTACT_FIELDS)[number]['key'];
export type SiteContact = Record<SiteContactKey, string>;

export const EMPTY_SITE_CONTACT: SiteContact = { host: '', operator: '', hotline: '', hours: '', icp: '' };

/** Characters a hotline may hold: digits, spaces, + - ( ) and full-width brackets, 转 for an extension. */
export const HOTLINE_PATTERN = /^[0-9+\-\s()（）转]*$/;

/** A tel: link for the hotline (digits and a leading +), or null when there is nothing to dial. */
export function telHref(hotline: string): string | null {
  const main = hotline.split('转')[0] ?? '';
  const digits = main.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return /\d{3,}/.test(digits) ? `tel:${digits}` : null;
}
