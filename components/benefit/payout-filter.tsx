import { BENEFIT_CHANNEL_LABELS, BENEFIT_CHANNELS, PAYOUT_STATUS_LABELS, PAYOUT_STATUSES } from '@/domain/benefit';
import { Button } from '../ui/button';

const input = 'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-base';

/** The filters of a payout list, as a plain GET form (筛选), so that every list is a link. */
export function PayoutFilter({
  action,
  values,
  suppliers,
}: {
  action: string;
  values: { status: string; from?: string; to?: string; supplier?: number; channel?: string };
  suppliers?: { id: number; name: string }[];
}) {
  return (
    <form action={action} method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="筛选发放记录">
      <label className="text-sm font-medium">
        状态
        <select name="status" defaultValue={values.status} className={`${input} mt-1`}>
          {[...PAYOUT_STATUSES, 'all' as const].map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? '全部' : PAYOUT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        发放日期从
        <input type="date" name="from" defaultValue={values.from} className={`${input} mt-1`} />
      </label>
      <label className="text-sm font-medium">
        至
        <input type="date" name="to" defaultValue={values.to} className={`${input} mt-1`} />
      </label>
      {suppliers ? (
        <label className="text-sm font-medium">
          供应商
          <select name="supplier" defaultValue={values.supplier ?? ''} className={`${input} mt-1`}>
            <option value="">全部</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="text-sm font-medium">
        带动方式
        <select name="channel" defaultValue={values.channel ?? ''} className={`${input} mt-1`}>
          <option value="">全部</option>
          {BENEFIT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {BENEFIT_CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end">
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </div>
    </form>
  );
}
