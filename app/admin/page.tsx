import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminShell } from '@/components/admin/admin-shell';
import { Forbidden } from '@/components/auth/forbidden';
import { listSuppliersForAdmin } from '@/db/queries/suppliers';
import { listUnitsForReview } from '@/db/queries/units';
import { listUsersForAdmin } from '@/lib/accounts/users';
import { adminPageUser } from '@/lib/auth/admin-page';

export const metadata: Metadata = { title: '管理后台', robots: { index: false } };

export default function AdminPage() {
  return (
    <AdminShell title="概览">
      <Overview />
    </AdminShell>
  );
}

async function Overview() {
  if (!(await adminPageUser('/admin'))) return <Forbidden message="只有消费扶贫办公室可以进入管理后台。" />;
  const [units, suppliers, users] = await Promise.all([
    listUnitsForReview(),
    listSuppliersForAdmin(),
    listUsersForAdmin(),
  ]);
  const cards = [
    { href: '/admin/units', label: '待审核单位', value: units.filter((u) => u.status === 'pending').length },
    { href: '/admin/units', label: '已认证单位', value: units.filter((u) => u.status === 'verified').length },
    { href: '/admin/suppliers', label: '供应商', value: suppliers.length },
    { href: '/admin/users', label: '用户', value: users.length },
  ];
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cards.map((c) => (
        <li key={c.label}>
          <Link href={c.href} className="block rounded-xl bg-white p-4 ring-1 ring-neutral-200 hover:ring-brand-600">
            <span className="block text-sm text-neutral-700">{c.label}</span>
            <span className="text-3xl font-bold text-brand-700 tabular">{c.value}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
