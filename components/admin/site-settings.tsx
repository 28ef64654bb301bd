import { SITE_CONTACT_FIELDS, type SiteContact } from '@/domain/site-contact';
import { saveSiteContactAction } from '@/lib/actions/site';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';

/** 站点信息: the operator's contact details shown in every page's footer and on the certificate check. */
export function SiteSettings({ contact }: { contact: SiteContact }) {
  return (
    <Card title="页脚与认定查询页的联系方式" titleId="site-contact-h">
      <p className="mt-1 text-sm text-neutral-700">
        保存后立即显示在每个页面的页脚和“认定查询”页。留空的项目不显示。每次修改都记入操作日志。
      </p>
      <ActionForm
        action={saveSiteContactAction}
        submitLabel="保存"
        className="mt-4"
        fields={SITE_CONTACT_FIELDS.map((f) => ({
          name: f.key,
          label: f.label,
          defaultValue: contact[f.key],
          placeholder: f.placeholder,
          ...(f.key === 'hotline' ? { type: 'tel' as const, inputMode: 'tel' as const } : {}),
          wide: f.key === 'host' || f.key === 'operator',
        }))}
      />
    </Card>
  );
}
