import { BENEFIT_CHANNEL_LABELS, BENEFIT_CHANNELS, PAYOUT_STATUS_LABELS, PAYOUT_STATUSES } from '@/domain/benefit';
import { Button } from '../ui/button';
import { Field, inputClass, SelectField, type SelectOption } from '../ui/field';

/** The filters of a payout list, as a plain GET form (筛选), so that every list (and every report figure) is a link. */
export function PayoutFilter({
  action,
  values,
  suppliers,
}: {
  action: string;
  values: { status: string; from?: string; to?: string; supplier?: number; channel?: string };
  suppliers?: { id: number; name: string }[];
}) {
  const select = (id: string, label: string, value: string, options: SelectOption[]) => (
    <SelectField id={`pf-${id}`} name={id} label={label} value={value} options={options} />
  );
  const date = (id: 'from' | 'to', label: string) => (
    <Field id={`pf-${id}`} label={label}>
      {(c) => <input {...c} type="date" name={id} defaultValue={values[id]} className={inputClass} />}
    </Field>
  );
  const all = { value: '', label: '全部' };
  return (
    <form action={action} method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="筛选发放记录">
      {select('status', '状态', values.status, [
        ...PAYOUT_STATUSES.map((s) => ({ value: s, label: PAYOUT_STATUS_LABELS[s] })),
        { value: 'all', label: '全部' },
      ])}
      {date('from', '发放日期从')}
      {date('to', '至')}
      {suppliers
        ? select('supplier', '供应商', String(values.supplier ?? ''), [
            all,
            ...suppliers.map((s) => ({ value: String(s.id), label: s.name })),
          ])
        : null}
      {select('channel', '带动方式', values.channel ?? '', [
        all,
        ...BENEFIT_CHANNELS.map((c) => ({ value: c, label: BENEFIT_CHANNEL_LABELS[c] })),
      ])}
      <div className="flex items-end">
        <Button type="submit" variant="secondary">
          筛选
        </Button>
      </div>
    </form>
  );
}
