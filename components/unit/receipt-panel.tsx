import { confirmUnitReceiptAction } from '@/lib/actions/unit-receipt';
import type { OrderStatus } from '@/domain/order-state';
import { MAX_RECEIPT_NOTE, UNIT_AUTO_RECEIPT_DAYS, autoReceiptAt } from '@/domain/receipt';
import { formatChinaDateTime } from '@/domain/time';
import { ActionForm } from '../forms/action-form';
import { hiddenField } from '../forms/fields';
import { Card } from '../ui/card';

type Receipt = { auto: boolean; note: string; hasPhoto: boolean; at: Date } | null;

const RULE = `最后一件发货后 ${UNIT_AUTO_RECEIPT_DAYS} 天自动验收`;

/**
 * 验收: a member of the unit confirms receipt (optional note and one photo) once every parcel has shipped;
 * the order is then 已完成. Otherwise it happens by itself 15 days after the last shipment, as stated here.
 */
export function ReceiptPanel({
  orderNo,
  status,
  receipt,
  lastShippedAt,
}: {
  orderNo: string;
  status: OrderStatus;
  receipt: Receipt;
  lastShippedAt: Date | null;
}) {
  if (status === 'pending_approval' || status === 'cancelled' || status === 'expired') return null;
  return (
    <Card title="验收" titleId="receipt-h">
      {receipt ? (
        <div className="mt-2 space-y-1 text-sm" data-testid="receipt">
          <p className="font-medium text-cert-800">
            {receipt.auto ? `已自动验收（${RULE}）` : '已验收'}，{formatChinaDateTime(receipt.at)}
          </p>
          {receipt.note ? <p>备注：{receipt.note}</p> : null}
          {receipt.hasPhoto ? (
            <a
              href={`/unit/orders/${orderNo}/receipt-photo`}
              className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2"
            >
              查看验收照片
            </a>
          ) : null}
        </div>
      ) : lastShippedAt && status !== 'pending_payment' && status !== 'paid' && status !== 'partially_shipped' ? (
        <>
          <p className="mt-1 text-sm text-neutral-700">
            全部包裹已发出，请核对收货后确认。{RULE}（
            {formatChinaDateTime(autoReceiptAt(lastShippedAt, UNIT_AUTO_RECEIPT_DAYS))}）。
          </p>
          <ActionForm
            action={confirmUnitReceiptAction}
            submitLabel="确认收货"
            className="mt-3"
            idPrefix="receipt-"
            fields={[
              hiddenField('orderNo', orderNo),
              {
                name: 'note',
                label: '验收备注（可选）',
                type: 'textarea',
                rows: 2,
                hint: `最多 ${MAX_RECEIPT_NOTE} 字，如“50 份全部收到，包装完好”`,
              },
              {
                name: 'photo',
                label: '验收照片（可选，一张）',
                type: 'file',
                accept: 'image/jpeg,image/png,image/webp',
              },
            ]}
          />
        </>
      ) : (
        <p className="mt-1 text-sm text-neutral-700">全部包裹发出后可在此验收；{RULE}。</p>
      )}
    </Card>
  );
}
