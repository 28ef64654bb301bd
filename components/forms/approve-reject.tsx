import type { ActionResult } from '@/lib/actions/safe-action';
import { ActionForm } from './action-form';
import { Folded } from '../ui/folded';
import { ButtonForm } from './confirm-button-form';
import { hiddenField } from './fields';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * 通过 and 驳回… (with a required reason), as every review list shows them. `values` identify the
 * record; approve/reject add their own values (e.g. decision) when one action serves both.
 */
export function ApproveReject({
  id,
  label,
  values,
  approve,
  reject,
}: {
  id: string;
  label: string;
  values: Record<string, string>;
  approve: { action: Action; values?: Record<string, string> };
  reject: { action: Action; values?: Record<string, string> };
}) {
  const rejectValues = { ...values, ...reject.values };
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ButtonForm
        action={approve.action}
        values={{ ...values, ...approve.values }}
        label="通过"
        accessibleLabel={`通过 ${label}`}
      />
      <Folded summary="驳回…" className="">
        <ActionForm
          idPrefix={`${id}-`}
          action={reject.action}
          submitLabel="驳回"
          fields={[
            ...Object.entries(rejectValues).map(([name, value]) => hiddenField(name, value)),
            { name: 'reason', label: '驳回原因', type: 'textarea' as const },
          ]}
        />
      </Folded>
    </div>
  );
}
