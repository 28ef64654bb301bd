import { Forbidden } from '@/components/auth/forbidden';
import { portalLayout } from '@/components/portal/portal-layout';

const LINKS = [
  { href: '/workshop', label: '概览与发货' },
  { href: '/workshop/products', label: '商品' },
  { href: '/workshop/after-sales', label: '售后' },
  { href: '/workshop/livestreams', label: '直播' },
  // 带贫成效 (issue 17).
  { href: '/workshop/households', label: '农户台账' },
  { href: '/workshop/payouts', label: '收益发放' },
  { href: '/workshop/dividends', label: '分红' },
];

export default portalLayout({
  portal: '/workshop',
  width: 'narrow',
  links: LINKS,
  denied: <Forbidden message="您的账号不是任何供应商的管理员。供应商管理员由消费扶贫办公室邀请。" />,
});
