import { CERT_STATUS_LABELS } from '@/domain/labels';
import { submitCertificateAction } from '@/lib/actions/listings';
import { ActionForm } from '../../forms/action-form';
import { Card } from '../../ui/card';
import { productIdField, type EditorProduct } from './product';

/** The product's 扶贫产品认定 certificates with their review state, and the form for a new one. */
export function CertificatesPanel({ p }: { p: EditorProduct }) {
  return (
    <Card id="certificate" title="扶贫产品认定证书" titleId="cert-h">
      {p.certs.length ? (
        <ul className="mt-2 space-y-2 text-sm">
          {p.certs.map((c) => (
            <li key={c.id} className="rounded-lg p-3 ring-1 ring-neutral-200">
              <p>
                <strong>{c.certificateNo}</strong> · {CERT_STATUS_LABELS[c.status]}
              </p>
              <p className="text-neutral-700">
                {c.issuer} · {c.catalogueBatch} · {String(c.issuedOn).slice(0, 10)} 至{' '}
                {String(c.expiresOn).slice(0, 10)}
              </p>
              {c.reviewNote ? <p className="text-neutral-700">审核意见：{c.reviewNote}</p> : null}
              {c.hasFile ? (
                <a href={`/workshop/certificates/${c.id}/file`} className="text-brand-700 underline underline-offset-2">
                  查看扫描件
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-neutral-700">还没有提交证书。</p>
      )}
      <h3 className="mt-4 font-medium">提交新证书</h3>
      <ActionForm
        idPrefix="c-"
        action={submitCertificateAction}
        submitLabel="提交证书"
        className="mt-2"
        fields={[
          productIdField(p),
          { name: 'certificateNo', label: '证书编号', placeholder: '如 YNFP-2026-0123' },
          { name: 'issuer', label: '认定机构', placeholder: '如 个旧市扶贫开发领导小组办公室' },
          { name: 'catalogueBatch', label: '认定目录批次', placeholder: '如 2026年第一批' },
          { name: 'issuedOn', label: '认定日期', type: 'date' },
          { name: 'expiresOn', label: '有效期至', type: 'date' },
          {
            name: 'file',
            label: '证书扫描件（图片或 PDF，最大 5 MB）',
            type: 'file',
            accept: 'image/jpeg,image/png,image/webp,application/pdf',
            wide: true,
          },
        ]}
      />
    </Card>
  );
}
