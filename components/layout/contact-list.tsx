import { SITE_CONTACT_FIELDS, telHref, type SiteContact } from '@/domain/site-contact';

/** The operator's details as the office set them at /admin/settings; empty ones are left out. */
export function ContactList({ contact, className = '' }: { contact: SiteContact; className?: string }) {
  const rows = SITE_CONTACT_FIELDS.filter((f) => f.key !== 'icp' && contact[f.key]);
  if (!rows.length) return null;
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 ${className}`}>
      {rows.map((f) => {
        const value = contact[f.key];
        const tel = f.key === 'hotline' ? telHref(value) : null;
        return (
          <div key={f.key} className="contents">
            <dt className="text-neutral-600">{f.label}</dt>
            <dd>
              {tel ? (
                <a href={tel} className="font-medium text-brand-700 tabular underline underline-offset-2">
                  {value}
                </a>
              ) : (
                value
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
