import { IntentLink } from '@/components/layout/intent-link';
import type { CertificateRecord } from '@/db/queries/product';
import { VERDICT_LABELS, verifyVerdict } from '@/domain/certification';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { CertificateFields } from './certificate-fields';

export function CertificateResult({ record, today }: { record: CertificateRecord; today: string }) {
  const verdict = verifyVerdict(record, today);
  const ok = verdict === 'valid';
  return (
    <section
      aria-labelledby="cert-heading"
      className={`rounded-xl bg-white p-5 ring-2 ${ok ? 'ring-cert-700' : 'ring-neutral-300'}`}
    >
      <p className={`text-sm font-medium ${ok ? 'text-cert-800' : 'text-neutral-700'}`}>查询日期 {today}</p>
      <h2 id="cert-heading" className={`mt-1 text-xl font-bold ${ok ? 'text-cert-800' : 'text-neutral-900'}`}>
        认定状态：{VERDICT_LABELS[verdict]}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-neutral-600">证书编号</dt>
        <dd className="font-medium tabular">{record.certificateNo}</dd>
        <dt className="text-neutral-600">产品</dt>
        <dd>
          {record.product.status === 'listed' ? (
            <IntentLink
              href={`/products/${record.product.slug}`}
              className="font-medium text-brand-700 underline underline-offset-2"
            >
              {record.product.name}
            </IntentLink>
          ) : (
            record.product.name
          )}
          （{record.product.spec}）
        </dd>
        <dt className="text-neutral-600">供应商</dt>
        <dd>
          {record.supplier.name}（{record.supplier.townshipName} · {SUPPLIER_TYPE_LABELS[record.supplier.type]}）
        </dd>
        <CertificateFields cert={record} />
      </dl>
      {!ok ? (
        <p className="mt-3 rounded-lg bg-neutral-100 p-3 text-sm text-neutral-800">
          该证书当前不在有效期内或未通过审核，相关商品不显示“消费扶贫认定”标识，其销售额不计入消费帮扶目标。
        </p>
      ) : null}
    </section>
  );
}
