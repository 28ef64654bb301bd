import { z } from 'zod';
import { EMPTY_SITE_CONTACT, HOTLINE_PATTERN, SITE_CONTACT_FIELDS, type SiteContact } from '@/domain/site-contact';

const text = (label: string, max: number) =>
  z.string(`${label}无效`).trim().max(max, `${label}不能超过 ${max} 个字`).optional().default('');

/** 站点信息 as the office submits it (/admin/settings), and as it is read back from the settings table. */
export const siteContactSchema = z.object({
  host: text('主办单位', SITE_CONTACT_FIELDS[0].max),
  operator: text('运营单位', SITE_CONTACT_FIELDS[1].max),
  hotline: text('客服电话', SITE_CONTACT_FIELDS[2].max).refine(
    (v) => HOTLINE_PATTERN.test(v),
    '客服电话只能包含数字、空格、+、- 和括号',
  ),
  hours: text('服务时间', SITE_CONTACT_FIELDS[3].max),
  icp: text('备案号', SITE_CONTACT_FIELDS[4].max),
});

/** The stored value, or empty fields when it is missing or no longer valid. */
export function parseStoredSiteContact(raw: unknown): SiteContact {
  const r = siteContactSchema.safeParse(raw ?? {});
  return r.success ? r.data : EMPTY_SITE_CONTACT;
}
