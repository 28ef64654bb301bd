import { IntentLink } from '@/components/layout/intent-link';
import type { listAddresses } from '@/lib/accounts/addresses';
import type { CurrentUser } from '@/db/queries/users';
import { USER_ROLE_LABELS } from '@/domain/labels';
import { addAddressAction, deleteAddressAction } from '@/lib/actions/accounts';
import { ActionForm } from '../forms/action-form';
import { ButtonForm } from '../forms/confirm-button-form';
import { Card } from '../ui/card';

type Address = Awaited<ReturnType<typeof listAddresses>>[number];

/** Who is signed in, and their saved delivery addresses. */
export function AccountHome({ user, addresses }: { user: CurrentUser; addresses: Address[] }) {
  return (
    <div className="space-y-6">
      <Card as="section">
        <p className="text-lg font-semibold">{user.name}</p>
        <p className="text-sm text-neutral-700">
          {user.email ?? '手机号登录'} · {USER_ROLE_LABELS[user.role]}
        </p>
        <IntentLink
          href="/account/security"
          className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          账户安全（修改密码）
        </IntentLink>
      </Card>
      <Card title="收货地址" titleId="addr-heading">
        {addresses.length ? (
          <ul className="mt-3 divide-y divide-neutral-100">
            {addresses.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-medium">
                    {a.recipient} <span className="text-neutral-700 tabular">{a.mobile}</span>
                    {a.isDefault ? (
                      <span className="ml-2 rounded bg-brand-50 px-1.5 text-xs text-brand-700">默认</span>
                    ) : null}
                  </p>
                  <p className="text-sm text-neutral-700">
                    {a.province} {a.city} {a.district} {a.detail}
                  </p>
                </div>
                <ButtonForm
                  action={deleteAddressAction}
                  values={{ id: a.id }}
                  label="删除"
                  variant="danger"
                  accessibleLabel={`删除 ${a.recipient} 的地址`}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-neutral-700">还没有保存的收货地址。添加一个，结算时就不用再填写。</p>
        )}
        <h3 className="mt-5 font-medium">添加地址</h3>
        <ActionForm
          action={addAddressAction}
          submitLabel="保存"
          className="mt-2"
          fields={[
            { name: 'recipient', label: '收货人', autoComplete: 'name' },
            { name: 'mobile', label: '手机号', type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
            { name: 'province', label: '省', defaultValue: '云南省' },
            { name: 'city', label: '市', defaultValue: '红河哈尼族彝族自治州' },
            { name: 'district', label: '区县', defaultValue: '个旧市' },
            { name: 'detail', label: '详细地址', autoComplete: 'street-address', wide: true },
            { name: 'isDefault', label: '设为默认地址', type: 'checkbox' },
          ]}
        />
      </Card>
    </div>
  );
}
