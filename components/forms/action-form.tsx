'use client';

import { useActionState } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/safe-action';

export type FieldSpec = {
  name: string;
  label: string;
  type?:
    | 'text'
    | 'email'
    | 'password'
    | 'tel'
    | 'number'
    | 'textarea'
    | 'select'
    | 'checkbox'
    | 'checkboxes'
    | 'hidden'
    | 'file'
    | 'date'
    | 'datetime-local';
  /** For file inputs. */
  accept?: string;
  /** For textareas. */
  rows?: number;
  options?: { value: string; label: string }[];
  /** For checkboxes: the checked values, comma-separated. */
  defaultValue?: string;
  placeholder?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text' | 'decimal';
  hint?: string;
  required?: boolean;
  wide?: boolean;
};

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

const input =
  'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-base aria-[invalid=true]:border-brand-600';

function Submit({ label }: { label: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="h-11 rounded-lg bg-brand-600 px-5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
    >
      {pending ? '提交中…' : label}
    </button>
  );
}

/** A form driven by a server action through useActionState, with Chinese field errors beside each field. */
export function ActionForm({
  action,
  fields,
  submitLabel,
  className = '',
  successHint,
  idPrefix = '',
}: {
  idPrefix?: string;
  action: Action;
  fields: FieldSpec[];
  submitLabel: string;
  className?: string;
  successHint?: React.ReactNode;
}) {
  // React resets a form after its action runs; keep what was typed (except passwords) when it failed.
  // The form is keyed by the submission count, so it remounts with these values as its defaults
  // (a <select> does not follow a changed defaultValue on its own).
  const [state, formAction] = useActionState(
    async (prev: (ActionResult & { values?: Record<string, string>; n?: number }) | null, fd: FormData) => {
      const result = await action(prev, fd);
      const values: Record<string, string> = {};
      if (!result.ok) {
        for (const f of fields) {
          const v = fd.get(f.name);
          if (typeof v === 'string' && f.type !== 'password' && f.type !== 'checkboxes') values[f.name] = v;
        }
      }
      return { ...result, values, n: (prev?.n ?? 0) + 1 };
    },
    null,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const valueOf = (f: FieldSpec) => state?.values?.[f.name] ?? f.defaultValue;
  return (
    <form key={state?.n ?? 0} action={formAction} className={`grid gap-3 sm:grid-cols-2 ${className}`} noValidate>
      {fields.map((f) => {
        const id = `${idPrefix}f-${f.name}`;
        const err = errors[f.name];
        const described = [err ? `${id}-err` : '', f.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
        if (f.type === 'hidden') return <input key={f.name} type="hidden" name={f.name} value={f.defaultValue} />;
        if (f.type === 'checkbox') {
          return (
            <label key={f.name} className="flex min-h-11 items-center gap-2 sm:col-span-2">
              <input
                type="checkbox"
                name={f.name}
                defaultChecked={valueOf(f) === 'on'}
                className="size-5 accent-brand-600"
              />
              <span>{f.label}</span>
            </label>
          );
        }
        if (f.type === 'checkboxes') {
          return (
            <fieldset key={f.name} className="sm:col-span-2" aria-describedby={described}>
              <legend className="mb-1 text-sm font-medium">{f.label}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {f.options?.map((o) => (
                  <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={f.name}
                      value={o.value}
                      defaultChecked={(f.defaultValue ?? '').split(',').includes(o.value)}
                      className="size-5 accent-brand-600"
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
              {err ? (
                <p id={`${id}-err`} className="mt-1 text-sm text-brand-700">
                  {err}
                </p>
              ) : null}
            </fieldset>
          );
        }
        const common = {
          id,
          name: f.name,
          defaultValue: valueOf(f),
          'aria-invalid': err ? true : undefined,
          'aria-describedby': described,
          required: f.required,
        };
        return (
          <div key={f.name} className={f.wide || f.type === 'textarea' ? 'sm:col-span-2' : ''}>
            <label htmlFor={id} className="mb-1 block text-sm font-medium">
              {f.label}
            </label>
            {f.type === 'textarea' ? (
              <textarea {...common} rows={f.rows ?? 3} className={`${input} h-auto py-2`} />
            ) : f.type === 'select' ? (
              <select {...common} className={input}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={f.type ?? 'text'}
                placeholder={f.placeholder}
                autoComplete={f.autoComplete}
                inputMode={f.inputMode}
                accept={f.accept}
                defaultValue={f.type === 'file' ? undefined : common.defaultValue}
                className={
                  f.type === 'file'
                    ? `${input} h-auto py-2 file:mr-3 file:rounded file:border-0 file:bg-brand-50 file:px-3 file:py-1.5 file:text-brand-800`
                    : input
                }
              />
            )}
            {f.hint ? (
              <p id={`${id}-hint`} className="mt-1 text-xs text-neutral-600">
                {f.hint}
              </p>
            ) : null}
            {err ? (
              <p id={`${id}-err`} className="mt-1 text-sm text-brand-700">
                {err}
              </p>
            ) : null}
          </div>
        );
      })}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Submit label={submitLabel} />
        <div role="status" aria-live="polite" className="text-sm">
          {state?.ok ? <span className="text-cert-800">{state.message}</span> : null}
          {state && !state.ok ? <span className="text-brand-700">{state.error}</span> : null}
        </div>
      </div>
      {state?.ok && state.data?.invitePath ? <InviteLink path={state.data.invitePath} /> : null}
      {state?.ok && successHint ? <div className="sm:col-span-2">{successHint}</div> : null}
    </form>
  );
}

function InviteLink({ path }: { path: string }) {
  const url = typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
  return (
    <div className="rounded-lg bg-cert-50 p-3 text-sm ring-1 ring-cert-700/30 sm:col-span-2">
      <p className="font-medium">邀请链接（只显示这一次）：</p>
      <p className="mt-1 font-mono break-all" data-testid="invite-link">
        {url}
      </p>
    </div>
  );
}
