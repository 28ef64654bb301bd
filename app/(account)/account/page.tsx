import type { Metadata } from 'next';
import { StreamedPage } from '@/components/layout/page-frame';
import { AccountHome } from '@/components/account/account-home';
import { listAddresses } from '@/lib/accounts/addresses';
import { pageUser } from '@/lib/auth/page-guard';

export const metadata: Metadata = { title: '我的账户', robots: { index: false } };

export default function AccountPage() {
  return (
    <StreamedPage title="我的账户" width="max-w-3xl">
      <Account />
    </StreamedPage>
  );
}

async function Account() {
  const user = await pageUser('/account');
  const addresses = await listAddresses({ userId: user.id });
  return <AccountHome user={user} addresses={addresses} />;
}
