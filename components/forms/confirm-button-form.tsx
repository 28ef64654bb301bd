'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Button, type ButtonVariant } from '../ui/button';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A one-button form (删除, 通过, 停用 …) carrying hidden values, with its result beside it. */
export function ButtonForm({
  action,
  values,
  label,
  variant = 'primary',
  accessibleLabel,
}: {
  action: Action;
  values: Record<string, string>;
  label: string;
  variant?: ButtonVariant;
  accessibleLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} size="sm" disabled={pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      {state ? (
        <span role="status" className={`text-sm ${state.ok ? 'text-cert-800' : 'text-brand-700'}`}>
          {state.ok ? state.message : state.error}
        </span>
      ) : null}
    </form>
  );
}
