import type { Metadata } from 'next';
import { PageFrame } from '@/components/layout/page-frame';
import { MeMenu } from '@/components/account/me-menu';

export const metadata: Metadata = {
  title: '我的',
  description: '我的订单、订单查询、收货地址、账户安全，以及单位采购和车间入口。',
};

/** 我的: one static page for everyone; what it lists depends on who is signed in (asked after load). */
export default function MePage() {
  return (
    <PageFrame title="我的" width="max-w-3xl">
      <MeMenu />
    </PageFrame>
  );
}
