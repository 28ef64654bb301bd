import type { Metadata } from 'next';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { ActionForm } from '@/components/forms/action-form';
import { listSuppliersForAdmin } from '@/db/queries/suppliers';
import { listTownships } from '@/db/queries/catalog';
import { createSupplierAction, inviteSupplierManagerAction } from '@/lib/actions/admin';
import { adminPageUser } from '@/lib/auth/admin-page';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';

export const metadata: Metadata = { title: '供应商', robots: { index: false } };

export default function AdminSuppliersPage() {
  return (
    <AdminShell title="供应商">
      <Suppliers />
    </AdminShell>
  );
}

async function Suppliers() {
  if (!(await adminPageUser('/admin/suppliers'))) return <Forbidden message="只有消费扶贫办公室可以管理供应商。" />;
  const [suppliers, townships] = await Promise.all([listSuppliersForAdmin(), listTownships()]);
  return (
    <div className="space-y-6">
      <ul className="space-y-3">
        {suppliers.map((s) => (
          <li key={s.id} className="rounded-xl bg-white p-4 ring-1 ring-neutral-200">
            <p className="font-semibold">{s.name}</p>
            <p className="text-sm text-neutral-700">
              {s.townshipName} · {SUPPLIER_TYPE_LABELS[s.type]} · 带动 {s.households} 户 · 管理员：
              {s.managers.length
                ? s.managers.map((m) => `${m.name}${m.active ? '' : '（已停用）'}`).join('、')
                : '尚无'}
            </p>
            <details className="mt-2">
              <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                邀请管理员…
              </summary>
              <ActionForm
                idPrefix={`s${s.id}-`}
                action={inviteSupplierManagerAction}
                submitLabel="生成邀请链接"
                fields={[
                  { name: 'supplierId', label: '', type: 'hidden', defaultValue: String(s.id) },
                  { name: 'inviteeName', label: '管理员姓名' },
                ]}
              />
            </details>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-supplier" className="rounded-xl bg-white p-5 ring-1 ring-neutral-200">
        <h2 id="new-supplier" className="text-lg font-semibold">
          新增供应商
        </h2>
        <ActionForm
          idPrefix="new-"
          action={createSupplierAction}
          submitLabel="保存"
          className="mt-3"
          fields={[
            { name: 'name', label: '名称', wide: true },
            { name: 'slug', label: '网址标识', hint: '小写字母、数字和短横线，如 jijie-tea-coop' },
            {
              name: 'type',
              label: '类型',
              type: 'select',
              options: Object.entries(SUPPLIER_TYPE_LABELS).map(([value, label]) => ({ value, label })),
            },
            {
              name: 'townshipSlug',
              label: '镇（街道）',
              type: 'select',
              options: townships.map((t) => ({ value: t.slug, label: t.name })),
            },
            { name: 'creditCode', label: '统一社会信用代码' },
            { name: 'povertyHouseholds', label: '带贫户数', type: 'number', inputMode: 'numeric', defaultValue: '0' },
            {
              name: 'benefitShareBps',
              label: '销售额分享比例（万分比）',
              type: 'number',
              inputMode: 'numeric',
              hint: '1500 表示 15%',
              defaultValue: '0',
            },
            { name: 'benefitMechanism', label: '带贫机制', type: 'textarea' },
            { name: 'description', label: '简介', type: 'textarea' },
            { name: 'address', label: '地址', wide: true },
          ]}
        />
      </section>
    </div>
  );
}
