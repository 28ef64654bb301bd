import type { ProductDetail } from '@/db/queries/product';
import { CertificateFields } from '../catalog/certificate-fields';
import { IntentLink } from '../layout/intent-link';
import { CertBadge } from '../ui/badge';

export function CertificationPanel({ cert, badge }: { cert: ProductDetail['cert']; badge: ProductDetail['badge'] }) {
  if (!cert || badge === 'none') {
    return (
      <p className="rounded-lg bg-neutral-100 p-3 text-sm text-neutral-700">
        该商品暂未取得扶贫产品认定，可以购买，但其销售额不计入消费帮扶目标。
      </p>
    );
  }
  return (
    <div
      className={`rounded-lg p-3 text-sm ring-1 ${badge === 'certified' ? 'bg-cert-50 ring-cert-700/30' : 'bg-neutral-50 ring-neutral-300'}`}
    >
      <CertBadge state={badge} size="md" />
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-neutral-600">证书编号</dt>
        <dd className="font-medium tabular">{cert.certificateNo}</dd>
        <CertificateFields cert={cert} />
      </dl>
      {badge !== 'pending' ? (
        <IntentLink
          href={`/verify/${encodeURIComponent(cert.certificateNo)}`}
          className="mt-2 inline-flex min-h-11 items-center font-medium text-cert-800 underline underline-offset-2"
        >
          查询认定证书真伪
        </IntentLink>
      ) : null}
    </div>
  );
}
