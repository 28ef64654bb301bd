'use client';

import { IntentLink } from '@/components/layout/intent-link';
import { SignOutButton } from '../auth/user-nav';
import { pageBeforeMe, useMe } from '../layout/me-store';
import { buttonClass } from '../ui/button';
import { cardClass } from '../ui/card';

type Entry = { href: string; label: string; hint: string };

const GUEST: Entry[] = [
  { href: '/orders', label: '订单查询', hint: '未登录下单的，凭订单号和下单手机号查询' },
  { href: '/verify', label: '认定查询', hint: '核对商品的消费扶贫认定证书' },
  { href: '/impact', label: '消费帮扶成效', hint: '全市消费帮扶销售额与目标进度' },
  { href: '/register/unit', label: '单位采购注册', hint: '机关、事业单位凭统一社会信用代码注册' },
];

const SIGNED_IN: Entry[] = [
  { href: '/orders', label: '我的订单', hint: '待付款、已付款、已发货的订单' },
  { href: '/account', label: '收货地址', hint: '保存常用地址，结算时不用再填' },
  { href: '/account/security', label: '账户安全', hint: '修改密码，管理登录设备' },
];

const PORTAL_HINTS: Record<string, string> = {
  '/unit': '批量下单、采购单审批与认购目标',
  '/workshop': '商品、库存、发货与直播',
  '/admin': '消费扶贫办公室管理后台',
};

function EntryList({ label, entries }: { label: string; entries: Entry[] }) {
  return (
    <ul aria-label={label} className={`divide-y divide-neutral-100 ${cardClass}`}>
      {entries.map((e) => (
        <li key={e.href}>
          <IntentLink
            href={e.href}
            className="flex min-h-14 items-center justify-between gap-3 px-4 py-2 hover:bg-neutral-50"
          >
            <span>
              <span className="block font-medium">{e.label}</span>
              <span className="block text-sm text-neutral-600">{e.hint}</span>
            </span>
            <span aria-hidden="true" className="text-neutral-400">
              ›
            </span>
          </IntentLink>
        </li>
      ))}
    </ul>
  );
}

/**
 * 我的: guests get 登录/注册 (back to the page they were on before 我的) and 订单查询; signed-in users their
 * orders, addresses, security and portals.
 */
export function MeMenu() {
  const me = useMe();
  if (!me) return <div aria-hidden="true" className={`mt-4 h-64 animate-pulse ${cardClass}`} />;
  if (!me.signedIn) {
    return (
      <div className="mt-4 space-y-4">
        <div className={`p-4 ${cardClass}`}>
          <p className="text-neutral-700">登录后查看订单、保存收货地址，购物车在手机和电脑上同步。</p>
          <div className="mt-3 flex gap-3">
            <IntentLink
              href={`/login?next=${encodeURIComponent(pageBeforeMe() ?? '/me')}`}
              className={`${buttonClass()} flex-1`}
            >
              登录
            </IntentLink>
            <IntentLink href="/register" className={`${buttonClass({ variant: 'secondary' })} flex-1`}>
              注册
            </IntentLink>
          </div>
        </div>
        <EntryList label="查询与服务" entries={GUEST} />
      </div>
    );
  }
  const portals = me.portals
    .filter((p) => p.href !== '/account')
    .map((p) => ({ ...p, hint: PORTAL_HINTS[p.href] ?? '' }));
  return (
    <div className="mt-4 space-y-4">
      <div className={`flex items-center justify-between gap-3 p-4 ${cardClass}`}>
        <p className="text-lg font-semibold">{me.name}</p>
        <SignOutButton className={buttonClass({ variant: 'secondary', size: 'sm' })} />
      </div>
      <EntryList label="我的账户" entries={SIGNED_IN} />
      {portals.length ? <EntryList label="工作入口" entries={portals} /> : null}
      <EntryList label="查询与服务" entries={GUEST.slice(1, 3)} />
    </div>
  );
}
