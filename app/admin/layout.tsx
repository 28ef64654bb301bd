import { Forbidden } from '@/components/auth/forbidden';
import { portalLayout } from '@/components/portal/portal-layout';

const LINKS = [
  { href: '/admin', label: '概览' },
  { href: '/admin/impact', label: '成效看板' },
  { href: '/admin/orders', label: '订单' },
  { href: '/admin/purchase-orders', label: '采购单审批' },
  { href: '/admin/transfers', label: '对公转账' },
  { href: '/admin/payments/unmatched', label: '待处理款项' },
  { href: '/admin/reconciliation/statements', label: '对账单核对' },
  { href: '/admin/after-sales', label: '售后仲裁' },
  { href: '/admin/rounds', label: '推介会' },
  { href: '/admin/pledges', label: '认购目标' },
  { href: '/admin/certifications', label: '认定审核' },
  { href: '/admin/units', label: '单位审核' },
  { href: '/admin/suppliers', label: '供应商' },
  { href: '/admin/users', label: '用户' },
  { href: '/admin/audit', label: '操作日志' },
  // 带贫成效 (issue 17).
  { href: '/admin/payouts', label: '带贫发放' },
  { href: '/admin/reports/monthly', label: '月度通报' },
  { href: '/admin/settings', label: '站点信息' },
];

export default portalLayout({
  portal: '/admin',
  width: 'wide',
  kicker: '管理后台 · 个旧市消费扶贫办公室',
  links: LINKS,
  denied: <Forbidden message="只有消费扶贫办公室可以进入管理后台。" />,
});
