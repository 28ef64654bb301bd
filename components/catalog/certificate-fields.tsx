import type { CertSummary } from '@/db/queries/catalog';

/** 认定机构、目录批次、有效期: the certificate facts shown on the product page and on /verify. */
export function CertificateFields({
  cert,
}: {
  cert: Pick<CertSummary, 'issuer' | 'catalogueBatch' | 'issuedOn' | 'expiresOn'>;
}) {
  return (
    <>
      <dt className="text-neutral-600">认定机构</dt>
      <dd>{cert.issuer}</dd>
      <dt className="text-neutral-600">目录批次</dt>
      <dd>{cert.catalogueBatch}</dd>
      <dt className="text-neutral-600">有效期</dt>
      <dd className="tabular">
        {cert.issuedOn} 至 {cert.expiresOn}
      </dd>
    </>
  );
}
