import { IntentLink } from '@/components/layout/intent-link';
import { cachedSiteContact } from '@/lib/cache/reads';
import { ContactList } from './contact-list';

const LINKS = [
  { href: '/products?certified=1', label: '只看认定商品' },
  { href: '/verify', label: '扶贫产品认定查询' },
  { href: '/orders', label: '订单查询' },
  { href: '/impact', label: '消费帮扶成效' },
  { href: '/livestreams', label: '直播带货' },
];

export async function SiteFooter() {
  const contact = await cachedSiteContact();
  return (
    <footer className="mt-12 border-t border-neutral-200 bg-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm text-neutral-700 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <p className="font-semibold text-neutral-900">个旧消费扶贫商城</p>
          <p className="mt-1">
            个旧市消费帮扶线上商城：产品来自合作社、就业帮扶车间和带动脱贫户增收的企业，销售收益按约定与脱贫户、监测对象分享。
          </p>
        </div>
        <nav aria-label="购物与查询">
          <p className="font-semibold text-neutral-900">购物与查询</p>
          <ul className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-1">
            {LINKS.map((l) => (
              <li key={l.href}>
                <IntentLink
                  className="inline-flex min-h-11 items-center underline-offset-2 hover:underline"
                  href={l.href}
                >
                  {l.label}
                </IntentLink>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact" className="font-semibold text-neutral-900">
            联系我们
          </h2>
          <ContactList contact={contact} className="mt-1" />
        </section>
        <div
          role="note"
          aria-label="演示数据说明"
          className="rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-300"
        >
          <p className="font-semibold">演示数据</p>
          <p className="mt-1">
            本站当前展示的商品、供应商、价格和认定证书均为演示数据，依据个旧市 2020
            年消费扶贫报道构造，不代表真实商家或真实认定结果。
          </p>
        </div>
      </div>
      {contact.icp ? (
        <p className="border-t border-neutral-100 px-4 py-3 text-center text-xs text-neutral-600">{contact.icp}</p>
      ) : null}
    </footer>
  );
}
