import type { OrderView } from '@/lib/orders/order-view';
import { cancelSimulatedPaymentAction, confirmSimulatedPaymentAction } from '@/lib/actions/orders';
import { awaitsPayment, balanceDue, heldFen } from '@/domain/money-movements';
import { ORDER_STATUS_LABELS } from '@/domain/order-state';
import { ButtonForm } from '../forms/confirm-button-form';
import { Card } from '../ui/card';
import { Money } from '../ui/money';

type Order = NonNullable<OrderView>;

/** The simulator's cashier: the order's lines and its balance due, 确认支付 and 取消支付. No personal data. */
export function SimulatedPayment({
  order,
  values,
  owner,
}: {
  order: Order;
  values: { orderNo: string; token: string; cap: string };
  owner: boolean;
}) {
  const due = balanceDue(order);
  const payable = awaitsPayment(order) && due > 0n;
  return (
    <Card>
      <p className="text-sm text-neutral-700">订单号 {order.orderNo}</p>
      <ul aria-label="订单商品" className="mt-2 divide-y divide-neutral-100 text-sm">
        {order.items.map((i) => (
          <li key={i.id} className="flex justify-between gap-2 py-1">
            <span>
              {i.name}（{i.spec}）× {i.quantity}
            </span>
            <Money fen={i.lineTotalFen} />
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        合计 <Money fen={order.totalFen} />
        {heldFen(order) > 0n ? (
          <>
            {' '}
            · 已付 <Money fen={heldFen(order)} />
          </>
        ) : null}
      </p>
      <p className="mt-1 text-3xl font-bold text-brand-700" aria-label="应付金额">
        <Money fen={payable ? due : order.totalFen} />
      </p>
      <p className="mt-1 text-sm">状态：{ORDER_STATUS_LABELS[order.status]}</p>
      {payable ? (
        <div className="mt-4 flex flex-wrap gap-3">
          <ButtonForm action={confirmSimulatedPaymentAction} values={values} label="确认支付" />
          {order.status === 'pending_payment' && heldFen(order) === 0n ? (
            <ButtonForm action={cancelSimulatedPaymentAction} values={values} label="取消支付" variant="secondary" />
          ) : null}
        </div>
      ) : owner ? (
        <a
          href={`/orders/${order.orderNo}`}
          className="mt-4 inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          查看订单
        </a>
      ) : null}
    </Card>
  );
}
