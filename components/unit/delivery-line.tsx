import { IntentLink } from '@/components/layout/intent-link';
import { progressLabel } from '@/domain/recipient-shipping';

/** A welfare order's delivery on the unit's order list: 已发 N / M, linking to its recipients. */
export function DeliveryLine({ orderNo, shipped, total }: { orderNo: string; shipped: number; total: number }) {
  if (!total) return null;
  return (
    <p className="text-sm">
      <IntentLink
        href={`/unit/orders/${orderNo}/recipients`}
        className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
      >
        收货人 {total} 人 · {progressLabel({ shipped, total })}
      </IntentLink>
    </p>
  );
}
