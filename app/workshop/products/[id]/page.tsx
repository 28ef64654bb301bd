import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '@/components/auth/forbidden';
import { ProductImage } from '@/components/catalog/product-image';
import { ActionForm } from '@/components/forms/action-form';
import { ButtonForm } from '@/components/forms/confirm-button-form';
import { listingFields } from '@/components/workshop/listing-fields';
import { WorkshopShell } from '@/components/workshop/workshop-nav';
import { listCategories } from '@/db/queries/catalog';
import { getProductSupplierId, getSupplierProduct } from '@/db/queries/listings';
import {
  adjustStockAction,
  delistProductAction,
  removeProductImageAction,
  submitCertificateAction,
  submitForReviewAction,
  updateProductAction,
  uploadProductImageAction,
} from '@/lib/actions/listings';
import { pageUser } from '@/lib/auth/page-guard';
import { CERT_STATUS_LABELS, PRODUCT_STATUS_LABELS } from '@/domain/labels';
import { isOverpriced } from '@/domain/price-fairness';
import { formatChinaDateTime } from '@/domain/time';

export const metadata: Metadata = { title: '编辑商品', robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default function EditProductPage(props: Props) {
  return (
    <WorkshopShell current="/workshop/products">
      <Editor {...props} />
    </WorkshopShell>
  );
}

const card = 'mt-4 rounded-xl bg-white p-5 ring-1 ring-neutral-200';

async function Editor({ params, searchParams }: Props) {
  const { id } = await params;
  const productId = /^[1-9][0-9]{0,8}$/.test(id) ? Number(id) : 0;
  const user = await pageUser(`/workshop/products/${id}`);
  const supplierId = productId ? await getProductSupplierId({ productId }) : null;
  // Another supplier's product looks exactly like a missing one.
  if (supplierId === null || !user.supplierIds.includes(supplierId))
    return <Forbidden message="商品不存在，或不属于您管理的供应商。" />;
  const [p, categories] = await Promise.all([getSupplierProduct({ productId, supplierId }), listCategories()]);
  if (!p) return <Forbidden message="商品不存在。" />;
  const created = (await searchParams).created === '1';
  const hidden = { name: 'productId', label: '', type: 'hidden' as const, defaultValue: String(p.id) };
  return (
    <>
      <h1 className="mt-4 text-2xl font-bold">
        {p.name} <span className="text-base font-normal text-neutral-600">{p.spec}</span>
      </h1>
      <p className="mt-1 text-sm text-neutral-700">
        {p.code} · 状态 <strong>{PRODUCT_STATUS_LABELS[p.status]}</strong>
        {p.status === 'listed' ? (
          <>
            {' '}
            ·{' '}
            <Link href={`/products/${p.slug}`} className="text-brand-700 underline underline-offset-2">
              查看商品页
            </Link>
          </>
        ) : null}
      </p>
      {created && p.status === 'draft' ? (
        <p className="mt-2 rounded-lg bg-cert-50 p-3 text-sm text-cert-800">
          草稿已保存。请上传图片并提交认定证书，然后提交审核。
        </p>
      ) : null}
      {p.reviewNote && p.status !== 'listed' ? (
        <p className="mt-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900">{p.reviewNote}</p>
      ) : null}
      {isOverpriced(p.priceFen, p.referencePriceFen) ? (
        <p className="mt-2 rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
          售价高于市场参考价 30% 以上，消费扶贫办公室会复核价格。
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-2">
        {p.status === 'draft' || p.status === 'delisted' ? (
          <ButtonForm
            action={submitForReviewAction}
            values={{ productId: String(p.id) }}
            label={p.inForce && !p.pending ? '上架' : '提交审核'}
          />
        ) : null}
        {p.status === 'listed' || p.status === 'in_review' ? (
          <ButtonForm action={delistProductAction} values={{ productId: String(p.id) }} label="下架" tone="danger" />
        ) : null}
      </div>

      <section aria-labelledby="basic" className={card}>
        <h2 id="basic" className="text-lg font-semibold">
          基本信息
        </h2>
        <ActionForm
          idPrefix="e-"
          action={updateProductAction}
          submitLabel="保存"
          className="mt-3"
          fields={[hidden, ...listingFields(categories, p)]}
        />
      </section>

      <section aria-labelledby="images" className={card}>
        <h2 id="images" className="text-lg font-semibold">
          图片
        </h2>
        <p className="mt-1 text-sm text-neutral-700">
          JPEG、PNG 或 WebP，最大 5 MB，至少 200×200 像素。上传后自动转为多种尺寸。
        </p>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {p.images.map((img) => (
            <li key={img.id} className="space-y-1">
              <ProductImage sha={img.sha256} alt={img.alt || p.name} className="rounded-lg" />
              <ButtonForm
                action={removeProductImageAction}
                values={{ productId: String(p.id), imageId: String(img.id) }}
                label="删除"
                tone="neutral"
                accessibleLabel={`删除第 ${img.position + 1} 张图片`}
              />
            </li>
          ))}
        </ul>
        <ActionForm
          idPrefix="img-"
          action={uploadProductImageAction}
          submitLabel="上传图片"
          className="mt-3"
          fields={[
            hidden,
            { name: 'image', label: '选择图片', type: 'file', accept: 'image/jpeg,image/png,image/webp' },
            { name: 'alt', label: '图片说明（可选）', placeholder: '如 绣娘手工绣制' },
          ]}
        />
      </section>

      <section id="stock" aria-labelledby="stock-h" className={card}>
        <h2 id="stock-h" className="text-lg font-semibold">
          库存 <span className="tabular">{p.stock}</span> 件
        </h2>
        <ActionForm
          idPrefix="st-"
          action={adjustStockAction}
          submitLabel="调整库存"
          className="mt-3"
          fields={[
            hidden,
            {
              name: 'delta',
              label: '增减数量',
              inputMode: 'numeric',
              placeholder: '入库 20，损耗 -3',
              hint: '正数入库，负数出库',
            },
            { name: 'reason', label: '原因', placeholder: '如 新一批绣品完工、盘点损耗' },
          ]}
        />
        {p.adjustments.length ? (
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">库存调整记录</caption>
            <thead>
              <tr className="text-neutral-600">
                <th className="py-1 font-medium">时间</th>
                <th className="py-1 font-medium">增减</th>
                <th className="py-1 font-medium">调整后</th>
                <th className="py-1 font-medium">原因</th>
              </tr>
            </thead>
            <tbody>
              {p.adjustments.map((a) => (
                <tr key={a.id} className="border-t border-neutral-100">
                  <td className="py-1">{formatChinaDateTime(a.createdAt)}</td>
                  <td className="py-1 tabular">{a.delta > 0 ? `+${a.delta}` : a.delta}</td>
                  <td className="py-1 tabular">{a.stockAfter}</td>
                  <td className="py-1">
                    {a.reason}
                    {a.actorName ? <span className="text-neutral-600"> · {a.actorName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section id="certificate" aria-labelledby="cert-h" className={card}>
        <h2 id="cert-h" className="text-lg font-semibold">
          扶贫产品认定证书
        </h2>
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
                  <a
                    href={`/workshop/certificates/${c.id}/file`}
                    className="text-brand-700 underline underline-offset-2"
                  >
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
            hidden,
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
      </section>
    </>
  );
}
