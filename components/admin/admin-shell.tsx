import Link from 'next/link';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { PageSkeleton } from '../auth/forbidden';

const TABS = [
  { href: '/admin', label: '概览' },
  { href: '/admin/impact', label: '成效看板' },
  { href: '/admin/orders', label: '订单' },
  { href: '/admin/transfers', label: '对公转账' },
  { href: '/admin/payments/unmatched', label: '待处理款项' },
  { href: '/admin/rounds', label: '推介会' },
  { href: '/admin/pledges', label: '认购目标' },
  { href: '/admin/certifications', label: '认定审核' },
  { href: '/admin/units', label: '单位审核' },
  { href: '/admin/suppliers', label: '供应商' },
  { href: '/admin/users', label: '用户' },
  { href: '/admin/audit', label: '操作日志' },
];

export function AdminShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <p className="text-sm text-neutral-600">管理后台 · 个旧市消费扶贫办公室</p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <nav aria-label="管理后台" className="mt-3 flex flex-wrap gap-1 border-b border-neutral-200 pb-2 text-sm">
        {TABS.map((t) => (
          <Link key={t.href} href={t.href} className="flex min-h-11 items-center rounded-md px-3 hover:bg-neutral-100">
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </div>
  );
}
