import type { listSuppliersForAdmin } from '@/db/queries/suppliers';
import type { listTownships } from '@/db/queries/facets';
import { SUPPLIER_TYPE_LABELS } from '@/domain/labels';
import { createSupplierAction, inviteSupplierManagerAction } from '@/lib/actions/admin';
import { ActionForm } from '../forms/action-form';
import { Card } from '../ui/card';
import { Folded } from '../ui/folded';
import { hiddenField } from '../forms/fields';

type Supplier = Awaited<ReturnType<typeof listSuppliersForAdmin>>[number];
type Township = Awaited<ReturnType<typeof listTownships>>[number];

/** Suppliers with their managers (and an invitation for a new one), then the form for a new supplier. */
export function SuppliersAdmin({ suppliers, townships }: { suppliers: Supplier[]; townships: Township[] }) {
  return (
    <div className="space-y-6">
      <ul className="space-y-3">
        {suppliers.map((s) => (
          <Card as="li" key={s.id} padding="md">
            <p className="font-semibold">{s.name}</p>
            <p className="text-sm text-neutral-700">
              {s.townshipName} · {SUPPLIER_TYPE_LABELS[s.type]} · 带动 {s.households} 户 · 管理员：
              {s.managers.length
                ? s.managers.map((m) => `${m.name}${m.active ? '' : '（已停用）'}`).join('、')
                : '尚无'}
            </p>
            <Folded summary="邀请管理员…" className="mt-2">
              <ActionForm
                idPrefix={`s${s.id}-`}
                action={inviteSupplierManagerAction}
                submitLabel="生成邀请链接"
                fields={[hiddenField('supplierId', String(s.id)), { name: 'inviteeName', label: '管理员姓名' }]}
              />
            </Folded>
          </Card>
        ))}
      </ul>
      <Card title="新增供应商" titleId="new-supplier">
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
      </Card>
    </div>
  );
}
