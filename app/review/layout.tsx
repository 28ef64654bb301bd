import { Forbidden } from '@/components/auth/forbidden';
import { portalLayout } from '@/components/portal/portal-layout';

/** 带贫核实 (issue 17): the community and village reviewers' portal (the office may open it too). */
const LINKS = [
  { href: '/review', label: '待核实' },
  { href: '/review/codes', label: '打印确认码' },
];

export default portalLayout({
  portal: '/review',
  width: 'narrow',
  kicker: '带贫核实 · 社区（村）核实员与消费扶贫办公室',
  links: LINKS,
  denied: <Forbidden message="只有消费扶贫办公室和受邀的核实员可以核实发放记录。" />,
});
