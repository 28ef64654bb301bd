import type { Metadata } from 'next';
import { IntentLink } from '@/components/layout/intent-link';
import { Forbidden } from '@/components/auth/forbidden';
import { PageHeading } from '@/components/ui/page-heading';
import { ParcelList } from '@/components/workshop/parcel-list';
import { getSupplierForManager } from '@/db/queries/suppliers';
import { pageUser } from '@/lib/auth/page-guard';
import { supplierShippingList } from '@/lib/orders/recipients';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '发货清单', robots: { index: false } };

type Params = Promise<{ orderNo: string }>;

/** A welfare order's parcels for the signed-in manager's suppliers, recipients in full (each view audited). */
export default async function SupplierOrderPage({ params }: { params: Params }) {
  const { orderNo } = await params;
  const user = await pageUser(`/workshop/orders/${encodeURIComponent(orderNo)}`);
  const valid = orderNoSchema.safeParse(orderNo);
  const lists = valid.success
    ? await Promise.all(
        user.supplierIds.map(async (supplierId) => ({
          supplierId,
          supplier: await getSupplierForManager({ supplierId }),
          list: await supplierShippingList({ orderNo: valid.data, supplierId, actorId: user.id, purpose: 'view' }),
        })),
      )
    : [];
  const mine = lists.filter((l) => l.list && l.supplier);
  if (!mine.length) return <Forbidden message="订单不存在、未付款，或不含您供应商的收货人。" />;
  return (
    <div className="space-y-4">
      <p>
        <IntentLink
          href="/workshop"
          className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
        >
          ← 车间/合作社
        </IntentLink>
      </p>
      <PageHeading title={`订单 ${orderNo}`} />
      {mine.map((l) => (
        <ParcelList key={l.supplierId} supplierId={l.supplierId} supplierName={l.supplier!.name} list={l.list!} />
      ))}
    </div>
  );
}
