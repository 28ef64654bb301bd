import type { ReactNode } from 'react';
import { PortalLayout } from '@/components/portal/portal-layout';
import { NotAUnitMember } from '@/components/unit/not-a-member';

/** The unit portal. The printable 采购单 (/unit/orders/…/print) sits outside this group: no portal frame on paper. */
export default function UnitLayout({ children }: { children: ReactNode }) {
  return (
    <PortalLayout portal="/unit" width="medium" denied={<NotAUnitMember />}>
      {children}
    </PortalLayout>
  );
}
