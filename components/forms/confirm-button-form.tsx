'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/actions/safe-action';

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** A one-button form (删除, 通过, 停用 …) carrying hidden values, with its result beside it. */
export function ButtonForm({
  action,
  values,
  label,
  tone = 'primary',
  accessibleLabel,
}: {
  action: Action;
  values: Record<string, string>;
  label: string;
  tone?: 'primary' | 'neutral' | 'danger';
  accessibleLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const cls = {
    primary: 'bg-brand-600 text-white hover:bg-brand-700',
    neutral: 'bg-white text-neutral-900 ring-1 ring-neutral-300 hover:bg-neutral-50',
    danger: 'bg-white text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50',
  }[tone];
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(values).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={accessibleLabel}
        className={`min-h-11 rounded-lg px-4 text-sm font-medium disabled:opacity-60 ${cls}`}
      >
        {label}
      </button>
      {state ? (
        <span role="status" className={`text-sm ${state.ok ? 'text-cert-800' : 'text-brand-700'}`}>
          {state.ok ? state.message : state.error}
        </span>
      ) : null}
    </form>
  );
}
