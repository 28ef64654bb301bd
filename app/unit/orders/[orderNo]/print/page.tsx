import type { Metadata } from 'next';
import { Suspense } from 'react';
import { Forbidden } from '@/components/auth/forbidden';
import { PageSkeleton } from '@/components/ui/page-skeleton';
import { Money } from '@/components/ui/money';
import { getOrderView } from '@/lib/orders/order-view';
import { maskedRecipients } from '@/lib/orders/recipients';
import { OrderRecipients } from '@/components/orders/order-recipients';
import { getPrintParties, getPurchaseOrderFacts } from '@/db/queries/unit-orders';
import { PayeeDetails } from '@/components/unit/payee-details';
import { balanceDue } from '@/domain/money-movements';
import { getPayee } from '@/lib/programme/settings';
import { pageUser } from '@/lib/auth/page-guard';
import { capitalAmount } from '@/domain/capital-amount';
import { fundSourceText } from '@/domain/fund-source';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { formatChinaDateTime } from '@/domain/time';
import { orderNoSchema } from '@/lib/validation/orders';

export const metadata: Metadata = { title: '采购单', robots: { index: false } };

type Params = Promise<{ orderNo: string }>;

export default function PrintPage({ params }: { params: Params }) {
  return (
    <div className="mx-auto max-w-[210mm] bg-white px-6 py-8 print:p-0">
      <Suspense fallback={<PageSkeleton />}>
        <Sheet params={params} />
      </Suspense>
    </div>
  );
}

async function Sheet({ params }: { params: Params }) {
  const { orderNo } = await params;
  const user = await pageUser(`/unit/orders/${orderNo}/print`);
  const order = orderNoSchema.safeParse(orderNo).success ? await getOrderView({ orderNo }) : null;
  if (!order || !order.unitId) return <Forbidden message="采购单不存在" />;
  if (user.role !== 'admin' && !user.unitMemberships.some((m) => m.unitId === order.unitId))
    return <Forbidden message="只有本单位成员和消费扶贫办公室可以查看该采购单" />;
  const [{ unit, supplierNames: supName }, recipients] = await Promise.all([
    getPrintParties({ unitId: order.unitId, supplierIds: order.items.map((i) => i.supplierId) }),
    maskedRecipients({ orderId: order.id }),
  ]);
  const paid = order.status !== 'pending_approval' && order.status !== 'pending_payment';
  return (
    <article className="text-[15px] text-black print:text-[12pt]">
      <style>
        {
          '@page { size: A4; margin: 15mm } @media print { header, footer, nav, [role=note] { display: none !important } }'
        }
      </style>
      <h1 className="text-center text-2xl font-bold tracking-widest">{paid ? '结算单' : '采购单'}</h1>
      <p className="mt-1 text-center text-sm">个旧市消费扶贫采购 · {order.orderNo}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>采购单位</dt>
        <dd>{unit?.name}</dd>
        <dt>统一社会信用代码</dt>
        <dd className="tabular">{unit?.creditCode}</dd>
        <dt>下单时间</dt>
        <dd>{formatChinaDateTime(order.createdAt)}</dd>
        <dt>状态</dt>
        <dd>{ORDER_STATUS_LABELS[order.status]}</dd>
        <dt>经费来源</dt>
        <dd>{fundSourceText(order.fundSource)}</dd>
        <dt>发票抬头 / 税号</dt>
        <dd>
          {order.invoice?.title} / {order.invoice?.taxNo}
        </dd>
      </dl>
      <table className="mt-4 w-full border-collapse text-left text-sm">
        <thead>
          <tr>
            {['商品', '规格', '供应商', '单价', '数量', '金额'].map((h) => (
              <th key={h} scope="col" className="border border-black px-2 py-1 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.items.map((i) => (
            <tr key={i.id}>
              <td className="border border-black px-2 py-1">{i.name}</td>
              <td className="border border-black px-2 py-1">{i.spec}</td>
              <td className="border border-black px-2 py-1">{supName.get(i.supplierId)}</td>
              <td className="border border-black px-2 py-1 text-right tabular">
                <Money fen={i.unitPriceFen} />
              </td>
              <td className="border border-black px-2 py-1 text-right tabular">{i.quantity}</td>
              <td className="border border-black px-2 py-1 text-right tabular">
                <Money fen={i.lineTotalFen} />
              </td>
            </tr>
          ))}
          <tr>
            <td colSpan={5} className="border border-black px-2 py-1 text-right">
              运费
            </td>
            <td className="border border-black px-2 py-1 text-right tabular">
              <Money fen={order.shippingFen} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={5} className="border border-black px-2 py-1 text-right font-bold">
              合计（小写）
            </th>
            <td className="border border-black px-2 py-1 text-right font-bold tabular">
              <Money fen={order.totalFen} />
            </td>
          </tr>
        </tbody>
      </table>
      <p className="mt-3 text-base">
        合计（大写）：<strong data-testid="capital-amount">{capitalAmount(order.totalFen)}</strong>
      </p>
      <PrintPayee orderNo={order.orderNo} />
      <div className="mt-10 grid grid-cols-3 gap-4 text-sm">
        <p>采购员：</p>
        <p>审批人：</p>
        <p>单位（盖章）：</p>
      </div>
      <OrderRecipients parcels={recipients} print />
    </article>
  );
}

/** 收款账户 on the printout: the account, the 识别码 and the amount to transfer (no copy buttons on paper). */
async function PrintPayee({ orderNo }: { orderNo: string }) {
  const o = await getPurchaseOrderFacts({ orderNo });
  if (!o?.transferReference || o.status === 'cancelled' || o.status === 'expired') return null;
  const due = balanceDue(o);
  return (
    <section aria-labelledby="print-payee-h" className="mt-4 border border-black p-3 text-sm">
      <h2 id="print-payee-h" className="font-bold">
        对公转账收款账户
      </h2>
      <PayeeDetails
        payee={await getPayee()}
        reference={o.transferReference}
        amountFen={due > 0n ? due : o.totalFen}
        print
      />
    </section>
  );
}
