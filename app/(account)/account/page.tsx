import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccountHome } from '@/components/account/account-home';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { listAddresses } from '@/lib/accounts/addresses';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '我的账户', robots: { index: false } };

export default function AccountPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="text-2xl font-bold">我的账户</h1>
      <div className="mt-4">
        <Suspense fallback={<PageSkeleton />}>
          <Account />
        </Suspense>
      </div>
    </div>
  );
}

async function Account() {
  const user = await pageUser('/account');
  const addresses = await listAddresses({ userId: user.id });
  return <AccountHome user={user} addresses={addresses} />;
}
