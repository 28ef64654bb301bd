import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PurchaseOrderPage } from '@/components/unit/purchase-order-page';
import { PageHeading } from '@/components/ui/page-heading';
import { pageUser } from '@/lib/auth/page-guard';
import { purchaseOrderForViewer } from '@/lib/orders/purchase-orders';
import { getPayee } from '@/lib/programme/settings';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '采购单', robots: { index: false } };

/** 采购单: its facts for the unit's members; 通过 / 驳回 for an approver who may; 对公转账 once approved. */
export default async function UnitOrderPage({ params }: { params: Promise<{ orderNo: string }> }) {
  const { orderNo } = await params;
  const user = await pageUser(`/unit/orders/${orderNo}`);
  if (!orderNoSchema.safeParse(orderNo).success) notFound();
  const view = await purchaseOrderForViewer({ orderNo, viewer: user, as: 'unit' });
  // Another unit's order, or none: the same 404, so that order numbers cannot be probed.
  if (!view) notFound();
  return (
    <>
      <PageHeading title={`采购单 ${orderNo}`} />
      <PurchaseOrderPage view={view} payee={await getPayee()} />
    </>
  );
}
