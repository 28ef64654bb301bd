import { IntentLink } from '@/components/layout/intent-link';
import { cachedSiteContact } from '@/lib/cache/reads';
import { ContactList } from '../layout/contact-list';
import { CertBadge } from '../ui/badge';
import { Card } from '../ui/card';

/**
 * What the badge means and what it does not, and whom to tell about a misused badge: the office's
 * contact details as set at /admin/settings.
 */
export async function VerifyNotes() {
  const contact = await cachedSiteContact();
  return (
    <div className="space-y-4">
      <Card as="section" aria-labelledby="what-certified" padding="md">
        <h2 id="what-certified" className="font-semibold">
          哪些商品经过认定
        </h2>
        <ul className="mt-2 space-y-2 text-sm text-neutral-800">
          <li className="flex gap-2">
            <span className="shrink-0">
              <CertBadge state="certified" />
            </span>
            <span>证书经主办单位审核通过、且在有效期内的商品。可在本页输入证书编号核对。</span>
          </li>
          <li className="flex gap-2">
            <span className="shrink-0">
              <CertBadge state="expired" />
            </span>
            <span>证书已过有效期，不再视为认定产品，直到重新认定。</span>
          </li>
          <li>
            <span className="font-medium">没有标识的商品</span>
            （暂未认定或认定审核中）也在本商城销售，价格与品质同样受监督，但
            <strong>不是认定产品</strong>，其销售额不计入消费帮扶目标。
          </li>
        </ul>
        <p className="mt-2 text-sm text-neutral-700">
          认定标识只说明产品的认定状态，不代替食品安全、质量等其他证明。
          <IntentLink href="/impact" className="font-medium text-brand-700 underline underline-offset-2">
            查看消费帮扶成效
          </IntentLink>
        </p>
      </Card>
      <Card as="section" aria-labelledby="verify-contact" padding="md">
        <h2 id="verify-contact" className="font-semibold">
          发现冒用认定标识？
        </h2>
        <p className="mt-1 text-sm text-neutral-700">请记下商品名称和证书编号，联系：</p>
        <ContactList contact={contact} className="mt-2 text-sm" />
      </Card>
    </div>
  );
}
